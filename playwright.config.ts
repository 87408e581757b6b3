import { defineConfig } from "@playwright/test";
import { findChromium } from "./scripts/lib/browser";
import { e2eBaseUrl } from "./e2e/support/env";

// The phone project (e2e/phone: main flows on a phone, reflow at 320 px, axe in light and dark) and the axe scans of
// e2e/accessibility.spec.ts check markup, which does not depend on the database: they run on the SQLite pass only,
// not when TEST_DATABASE=postgres (scripts/test.ts sets that for the PostgreSQL pass), to keep CI time down.
const phone = process.env.TEST_DATABASE !== "postgres";
const markupOnly = phone ? [] : ["accessibility.spec.ts"];

// The e2e suite runs against `next build && next start` on its own SQLite file (or PostgreSQL database).
export default defineConfig({
  // Specs and fixtures import server modules: e2e/tsconfig.json maps "server-only" to the stub Vitest uses too.
  tsconfig: "./e2e/tsconfig.json",
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  projects: [
    { name: "e2e", testIgnore: ["after-run/**", "phone/**", ...markupOnly] },
    // A phone: 390 × 844 CSS px, touch (Chromium's mobile emulation). Specs that need 320 px set it themselves.
    ...(phone
      ? [{ name: "phone", testMatch: "phone/**/*.spec.ts", use: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true } }]
      : []),
    // Runs once the whole suite has: it searches what the run left at rest for secrets.
    { name: "after-run", testMatch: "after-run/**/*.spec.ts", dependencies: phone ? ["e2e", "phone"] : ["e2e"] },
  ],
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  reporter: [["list"], ["json", { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? ".tmp/playwright.json" }]],
  globalSetup: "./e2e/support/global-setup.ts",
  use: {
    baseURL: e2eBaseUrl(),
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: findChromium(),
      args: ["--disable-gpu", "--disable-quic"],
    },
  },
  webServer: {
    command: "npx tsx --conditions=react-server scripts/e2e-server.ts",
    url: `${e2eBaseUrl()}/login`,
    // The first suite builds the app (a few minutes on a busy 2-core machine).
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
  },
});

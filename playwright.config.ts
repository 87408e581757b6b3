import { defineConfig } from "@playwright/test";
import { findChromium } from "./scripts/lib/browser";
import { e2eBaseUrl } from "./e2e/support/env";

// The e2e suite runs against `next build && next start` on its own SQLite file (or PostgreSQL database).
export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  projects: [
    { name: "e2e", testIgnore: "after-run/**" },
    // Runs once the whole suite has: it searches what the run left at rest for secrets.
    { name: "after-run", testMatch: "after-run/**/*.spec.ts", dependencies: ["e2e"] },
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
    command: "npx tsx scripts/e2e-server.ts",
    url: `${e2eBaseUrl()}/login`,
    // The first suite builds the app (a few minutes on a busy 2-core machine).
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
  },
});

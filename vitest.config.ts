import { configDefaults, defineConfig } from "vitest/config";
import path from "node:path";

export default defineConfig({
  resolve: {
    alias: {
      "@": import.meta.dirname,
      // Tests run the server modules directly, outside React's server bundle.
      "server-only": path.resolve(import.meta.dirname, "tests/helpers/server-only.ts"),
    },
  },
  test: {
    include: ["tests/**/*.test.ts"],
    // Needs a build and starts servers: run by vitest.multi-instance.config.ts (npm test, on PostgreSQL).
    exclude: [...configDefaults.exclude, "tests/multi-instance/**"],
    globalSetup: ["tests/helpers/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // As Playwright does (playwright.config.ts): in CI a failed test runs once more before it fails the run,
    // since the timing tests (heartbeats, stop within seconds, concurrency caps) share 2 cores with the
    // suite. The default reporter names every retried test, so a flaky one stays visible in the log.
    retry: process.env.CI ? 1 : 0,
  },
});

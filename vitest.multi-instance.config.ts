import { configDefaults, defineConfig } from "vitest/config";
import base from "./vitest.config.js";

// Several `next start` instances on one database (tests/multi-instance). npm test runs it on PostgreSQL
// after the e2e suite, reusing its build (E2E_SKIP_BUILD=1); alone, it builds first.
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ["tests/multi-instance/**/*.test.ts"],
    exclude: configDefaults.exclude,
    testTimeout: 60_000,
    hookTimeout: 300_000,
    // One file at a time: each starts its own servers on this small machine.
    fileParallelism: false,
  },
});

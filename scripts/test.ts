// npm test: every suite (unit/integration with Vitest, e2e with Playwright), then "N passed, N failed".
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { ensureChromium } from "./lib/browser";

type Counts = { passed: number; failed: number; skipped: number };
type Suite = { name: string; command: string[]; env?: Record<string, string>; report: string; read: (json: any) => Counts };

const vitestCounts = (j: any): Counts => ({ passed: j.numPassedTests, failed: j.numFailedTests, skipped: j.numPendingTests + j.numTodoTests });
const playwrightCounts = (j: any): Counts => ({
  passed: j.stats.expected + j.stats.flaky,
  failed: j.stats.unexpected,
  skipped: j.stats.skipped,
});

function vitest(name: string, env: Record<string, string> = {}): Suite {
  const report = `.tmp/vitest-${name}.json`;
  return {
    name: `unit/integration (${name})`,
    command: ["npx", "vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`],
    env,
    report,
    read: vitestCounts,
  };
}

function playwright(name: string, env: Record<string, string> = {}): Suite {
  const report = `.tmp/playwright-${name}.json`;
  return { name: `e2e (${name})`, command: ["npx", "playwright", "test"], env: { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: report }, report, read: playwrightCounts };
}

const suites: Suite[] = [vitest("sqlite"), playwright("sqlite")];

const only = process.argv[2];
process.env.NEXT_TELEMETRY_DISABLED = "1";
process.env.CHECKPOINT_DISABLE = "1";
process.env.TEST_RUN_ID ||= String(process.pid);
mkdirSync(".tmp", { recursive: true });
const chromium = ensureChromium();
console.log(`Browser: ${chromium}`);

const total: Counts = { passed: 0, failed: 0, skipped: 0 };
for (const suite of suites.filter((s) => !only || s.name.includes(only))) {
  console.log(`\n=== ${suite.name} ===`);
  rmSync(suite.report, { force: true });
  const run = spawnSync(suite.command[0], suite.command.slice(1), { stdio: "inherit", env: { ...process.env, ...suite.env } });
  let counts: Counts = { passed: 0, failed: 1, skipped: 0 };
  if (existsSync(suite.report)) {
    try {
      counts = suite.read(JSON.parse(readFileSync(suite.report, "utf8")));
    } catch { /* an unreadable report counts as one failure */ }
  }
  // A runner that failed without reporting a failed test still fails the run.
  if (run.status !== 0 && counts.failed === 0) counts.failed = 1;
  console.log(`--- ${suite.name}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  total.passed += counts.passed;
  total.failed += counts.failed;
  total.skipped += counts.skipped;
}

console.log(`\n${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed === 0 && total.passed > 0 ? 0 : 1);

// npm test: every suite on SQLite, then on PostgreSQL (unit/integration with Vitest, e2e with Playwright,
// several instances on one database), then "N passed, N failed, N skipped" over all of them.
// `npm test -- <word>` runs the suites whose name contains it (e.g. postgres, e2e).
// PostgreSQL suites always run in CI; locally they are skipped, and say so, when no server answers.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { ensureChromium } from "./lib/browser";
import { PG_SERVER, dropRunDatabases, postgresReachable, sanitizeRunId } from "./lib/test-databases";

type Counts = { passed: number; failed: number; skipped: number };
type Suite = { name: string; command: string[]; env: Record<string, string>; report: string; read: (json: any) => Counts };

const vitestCounts = (j: any): Counts => ({ passed: j.numPassedTests, failed: j.numFailedTests, skipped: j.numPendingTests + j.numTodoTests });
const playwrightCounts = (j: any): Counts => ({
  passed: j.stats.expected + j.stats.flaky,
  failed: j.stats.unexpected,
  skipped: j.stats.skipped,
});

const POSTGRES = { TEST_DATABASE: "postgres" };

function vitest(name: string, env: Record<string, string>, config?: string): Suite {
  const report = `.tmp/vitest-${name.replace(/\W+/g, "-").replace(/-$/, "")}.json`;
  const args = ["vitest", "run", ...(config ? ["--config", config] : []), "--reporter=default", "--reporter=json", `--outputFile.json=${report}`];
  return { name, command: ["npx", ...args], env, report, read: vitestCounts };
}

function playwright(name: string, env: Record<string, string>): Suite {
  const report = `.tmp/playwright-${name.replace(/\W+/g, "-").replace(/-$/, "")}.json`;
  return { name, command: ["npx", "playwright", "test"], env: { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: report }, report, read: playwrightCounts };
}

const SQLITE_SUITES = [vitest("unit/integration (sqlite)", {}), playwright("e2e (sqlite)", {})];
const POSTGRES_SUITES = [
  vitest("unit/integration (postgres)", POSTGRES),
  // The PostgreSQL run keeps its rate-limit counters in Redis, so both stores serve real requests.
  playwright("e2e (postgres, redis)", { ...POSTGRES, RATE_LIMIT_STORE: "redis" }),
  vitest("multi-instance (postgres)", POSTGRES, "vitest.multi-instance.config.ts"),
];

// Asynchronous, not spawnSync: tsx kills a script whose event loop cannot answer its Ctrl-C relay.
function spawnInherit(command: string[], env: NodeJS.ProcessEnv): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(command[0], command.slice(1), { stdio: "inherit", env });
    child.on("error", () => resolve(null));
    child.on("close", (code) => resolve(code));
  });
}

async function runSuite(suite: Suite, startedAt: number): Promise<Counts> {
  rmSync(suite.report, { force: true });
  // Later suites reuse the build an earlier e2e suite made in this run (the build does not depend on the database).
  const reuse = existsSync(".next/BUILD_ID") && statSync(".next/BUILD_ID").mtimeMs > startedAt ? { E2E_SKIP_BUILD: "1" } : {};
  const status = await spawnInherit(suite.command, { ...process.env, ...reuse, ...suite.env });
  let counts: Counts = { passed: 0, failed: 1, skipped: 0 };
  if (existsSync(suite.report)) {
    try {
      counts = suite.read(JSON.parse(readFileSync(suite.report, "utf8")));
    } catch { /* an unreadable report counts as one failure */ }
  }
  // A runner that failed without reporting a failed test still fails the run.
  if (status !== 0 && counts.failed === 0) counts.failed = 1;
  return counts;
}

async function cleanUpPostgres(run: string): Promise<void> {
  try {
    const dropped = await dropRunDatabases(run);
    if (dropped.length) console.log(`Dropped test databases: ${dropped.join(", ")}`);
  } catch (error) {
    console.log(`Could not drop this run's test databases (bobbin_*_${run}*): ${(error as Error).message}`);
  }
}

async function main(): Promise<number> {
  const only = process.argv[2];
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  process.env.CHECKPOINT_DISABLE = "1";
  // Names this run's PostgreSQL databases, so that concurrent runs on one server never collide.
  const run = sanitizeRunId(process.env.TEST_RUN_ID || `r${process.pid}`);
  process.env.TEST_RUN_ID = run;
  // Rate-limit counters of this run in a Redis shared with other runs (and their 15-minute windows) stay apart.
  process.env.REDIS_KEY_PREFIX ||= `bobbin:test:${run}:${Date.now().toString(36)}:`;
  mkdirSync(".tmp", { recursive: true });
  console.log(`Browser: ${ensureChromium()}`);

  const selected = (suites: Suite[]) => suites.filter((s) => !only || s.name.includes(only));
  const suites = selected(SQLITE_SUITES);
  let usePostgres = selected(POSTGRES_SUITES).length > 0;
  if (usePostgres && !(await postgresReachable())) {
    if (process.env.CI) {
      console.log(`\nPostgreSQL does not answer at ${PG_SERVER}: CI runs the PostgreSQL suites anyway, and they will fail.`);
    } else {
      console.log(`\nPostgreSQL does not answer at ${PG_SERVER}: SKIPPING the PostgreSQL suites (${selected(POSTGRES_SUITES).map((s) => s.name).join(", ")}).`);
      console.log("They run in CI. Start PostgreSQL (or set TEST_PG_URL) to run them here.");
      usePostgres = false;
    }
  }
  if (usePostgres) {
    suites.push(...selected(POSTGRES_SUITES));
    console.log(`PostgreSQL: ${PG_SERVER}, databases bobbin_test_${run}_* and bobbin_e2e_${run}`);
    await cleanUpPostgres(run); // leftovers of an interrupted run with the same TEST_RUN_ID
  }

  // Interrupted (Ctrl-C, CI timeout): the running suite gets the signal too; stop, but drop the databases first.
  let interrupted = false;
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void (interrupted = true));

  const startedAt = Date.now();
  const total: Counts = { passed: 0, failed: 0, skipped: 0 };
  const lines: string[] = [];
  try {
    for (const suite of suites) {
      if (interrupted) break;
      console.log(`\n=== ${suite.name} ===`);
      const t0 = Date.now();
      const counts = await runSuite(suite, startedAt);
      const line = `${suite.name}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped (${Math.round((Date.now() - t0) / 1000)} s)`;
      console.log(`--- ${line}`);
      lines.push(line);
      total.passed += counts.passed;
      total.failed += counts.failed;
      total.skipped += counts.skipped;
    }
  } finally {
    if (usePostgres) await cleanUpPostgres(run);
  }

  console.log(`\n${lines.join("\n")}\ntotal time ${Math.round((Date.now() - startedAt) / 1000)} s`);
  console.log(`\n${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
  if (interrupted) return 130;
  return total.failed === 0 && total.passed > 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(error);
    process.exit(1);
  },
);

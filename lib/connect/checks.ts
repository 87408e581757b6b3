// Connection checks with discovery, run off the request path; their state survives restarts honestly.
import "server-only";
import { randomUUID } from "node:crypto";
import type { Db } from "../db/factory";
import { KeyedSemaphore, Semaphore } from "../concurrency/semaphore";
import { streamFromTable } from "./stream-catalog";
import { discoverPostgres, type CatalogLimits, type DiscoveryOutcome, type Timeouts } from "./discovery/postgres";
import { resolveEndpoint, type ConnectionSettings } from "./network/endpoint";
import { connectPolicyFromEnv, type ConnectPolicy } from "./network/policy";
import type { Lookup } from "./network/resolve";
import { writeDiscoveredStreams } from "./streams";

export const HEARTBEAT_MS = 5_000;
// A running check without a heartbeat for this long was interrupted (the app stopped or crashed).
export const STALE_AFTER_MS = 30_000;
export const INTERRUPTED = "The check was interrupted (the server restarted). Run it again.";

// A connection check with discovery. A check runs no tap or target. `error` is the message of whichever step
// failed (connection or discovery); `checkExitStatus` says whether the connection itself failed.
export type ConnectionCheck = {
  jobName: string;
  status: "running" | "succeeded" | "failed";
  startedAt: Date;
  completedAt: Date | null;
  checkExitStatus: number | null;
  discoveryExitStatus: number | null;
  error: string | null;
};

// `refusal`: a reason the check fails at once without connecting (a setting we cannot honour, e.g. an SSH tunnel).
export type CheckConnection = ConnectionSettings & { filterSchemas: string[]; refusal?: string };
// `supersede`: start a new check even while one runs (the connection changed); the older one's result is dropped.
export type CheckOptions = { timeouts?: Timeouts; limits?: CatalogLimits; policy?: ConnectPolicy; lookup?: Lookup; supersede?: boolean };

const SUPERSEDED = "Superseded by a newer check (the connection details changed).";

// At most DISCOVERY_CONCURRENCY checks run in this process (default 4), and 2 per account; the rest wait.
const overall = new Semaphore(Math.max(1, Number(process.env.DISCOVERY_CONCURRENCY) || 4));
const perAccount = new KeyedSemaphore(2);

// How many checks run (connected or connecting) now: in all, and for one account.
export function checkLoad(accountId?: number): { active: number; waiting: number } {
  return accountId === undefined ? overall.load : perAccount.loadOf(String(accountId));
}

const inFlight = new Set<Promise<void>>();

// Resolves once every check this process started has recorded its outcome (before closing its database).
export async function settleConnectionChecks(): Promise<void> {
  while (inFlight.size) await Promise.all(inFlight);
}

// Start a check: record it as running now, return its job name at once, run discovery in the background.
// A source has one running check at a time: while one runs, starting another returns the running one.
export async function startConnectionCheck(
  db: Db,
  source: { id: number; accountId: number },
  conn: CheckConnection,
  options: CheckOptions = {},
): Promise<{ jobName: string; finished: Promise<void>; alreadyRunning: boolean }> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const { checkJobName } = await db.source.findUniqueOrThrow({ where: { id: source.id }, select: { checkJobName: true } });
    const fresh = new Date(Date.now() - STALE_AFTER_MS);
    if (!options.supersede && checkJobName && (await db.connectionCheck.count({ where: { jobName: checkJobName, status: "running", heartbeatAt: { gt: fresh } } }))) {
      return { jobName: checkJobName, finished: Promise.resolve(), alreadyRunning: true };
    }
    const jobName = `${source.accountId}.${source.id}.check.${randomUUID()}`;
    // Compare-and-set on the source's current job: of two racing starts, one claims it and the other goes round.
    const claimed = await db.$transaction(async (tx) => {
      const moved = await tx.source.updateMany({ where: { id: source.id, checkJobName }, data: { checkJobName: jobName } });
      if (moved.count !== 1) return false;
      await tx.connectionCheck.create({ data: { sourceId: source.id, jobName } });
      return true;
    });
    if (!claimed) continue;
    const finished = runCheck(db, source, jobName, conn, options)
      .catch((error: Error) => {
        console.error(`connection check ${jobName} could not be recorded: ${error.message.split("\n")[0].slice(0, 200)}`);
      })
      .finally(() => inFlight.delete(finished));
    inFlight.add(finished);
    return { jobName, finished, alreadyRunning: false };
  }
  throw new Error("connection check: too much contention on the source");
}

async function runCheck(db: Db, source: { id: number; accountId: number }, jobName: string, conn: CheckConnection, options: CheckOptions) {
  const beat = setInterval(() => {
    db.connectionCheck.updateMany({ where: { jobName, status: "running" }, data: { heartbeatAt: new Date() } }).catch(() => {});
  }, HEARTBEAT_MS);
  beat.unref();
  try {
    const outcome = await perAccount.run(String(source.accountId), () => overall.run(() => discover(conn, options)));
    if (!outcome.ok) {
      const failedAt = outcome.stage === "check";
      await finish(db, jobName, { status: "failed", checkExitStatus: failedAt ? 1 : 0, discoveryExitStatus: failedAt ? null : 1, error: outcome.message });
      return;
    }
    // A check whose connection details were replaced meanwhile writes no streams.
    const current = async () => (await db.source.findUnique({ where: { id: source.id }, select: { checkJobName: true } }))?.checkJobName === jobName;
    if (!(await current())) {
      await finish(db, jobName, { status: "failed", checkExitStatus: 0, discoveryExitStatus: null, error: SUPERSEDED });
      return;
    }
    await writeDiscoveredStreams(db, source.id, outcome.tables.map((t) => streamFromTable(conn.database, t)), (tx) =>
      tx.connectionCheck.updateMany({
        where: { jobName, status: "running" },
        data: { status: "succeeded", checkExitStatus: 0, discoveryExitStatus: 0, completedAt: new Date() },
      }),
    );
  } finally {
    clearInterval(beat);
  }
}

// Resolve and judge the host first (a refused host fails the check), then connect to the address found.
async function discover(conn: CheckConnection, options: CheckOptions): Promise<DiscoveryOutcome> {
  if (conn.refusal) return { ok: false, stage: "check", message: conn.refusal };
  try {
    const endpoint = await resolveEndpoint(conn, options.policy ?? connectPolicyFromEnv(), options.lookup);
    if (!endpoint.ok) return { ok: false, stage: "check", message: endpoint.message };
    return await discoverPostgres({ ...endpoint.value, filterSchemas: conn.filterSchemas }, options.timeouts, options.limits);
  } catch (error) {
    return { ok: false, stage: "discovery", message: (error as Error).message.split("\n")[0].slice(0, 300) };
  }
}

function finish(db: Db, jobName: string, data: { status: string; checkExitStatus: number; discoveryExitStatus: number | null; error: string }) {
  return db.connectionCheck.updateMany({ where: { jobName, status: "running" }, data: { ...data, error: data.error.slice(0, 2000), completedAt: new Date() } });
}

// The source's latest check. Reading writes nothing: a running check whose heartbeat stopped (its server died)
// reads as failed here, and the worker's reaper records it so (recordInterruptedChecks).
export async function lastConnectionCheck(db: Db, sourceId: number, now = new Date()): Promise<ConnectionCheck | null> {
  const check = await db.connectionCheck.findFirst({ where: { sourceId }, orderBy: { id: "desc" } });
  return check && toConnectionCheck(settled(check, now));
}

const staleBefore = (now: Date) => new Date(now.getTime() - STALE_AFTER_MS);

// A check as it stands at `now`: one still "running" without a heartbeat since STALE_AFTER_MS has failed,
// at its last heartbeat.
function settled<T extends CheckRow & { heartbeatAt: Date }>(check: T, now: Date): T {
  if (check.status !== "running" || check.heartbeatAt >= staleBefore(now)) return check;
  return { ...check, status: "failed", error: INTERRUPTED, completedAt: check.heartbeatAt };
}

// Record as failed every running check whose heartbeat stopped, as lastConnectionCheck already reads it.
export async function recordInterruptedChecks(db: Db, now = new Date()): Promise<number> {
  const stale = await db.connectionCheck.findMany({ where: { status: "running", heartbeatAt: { lt: staleBefore(now) } }, select: { id: true, heartbeatAt: true } });
  for (const check of stale) {
    await db.connectionCheck.updateMany({ where: { id: check.id, status: "running" }, data: { status: "failed", error: INTERRUPTED, completedAt: check.heartbeatAt } });
  }
  return stale.length;
}

type CheckRow = {
  jobName: string;
  status: string;
  checkExitStatus: number | null;
  discoveryExitStatus: number | null;
  error: string | null;
  startedAt: Date;
  completedAt: Date | null;
};

// The domain object of a check row.
export function toConnectionCheck(check: CheckRow): ConnectionCheck {
  return {
    jobName: check.jobName,
    status: check.status as ConnectionCheck["status"],
    startedAt: check.startedAt,
    completedAt: check.completedAt,
    checkExitStatus: check.checkExitStatus,
    discoveryExitStatus: check.discoveryExitStatus,
    error: check.error,
  };
}

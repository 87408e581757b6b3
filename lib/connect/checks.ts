// Connection checks with discovery, run off the request path; their state survives restarts honestly.
import { randomUUID } from "node:crypto";
import type { Db } from "../db/factory";
import { streamFromTable } from "./stream-catalog";
import { discoverPostgres, type DiscoveryOutcome, type PostgresConnection, type Timeouts } from "./discovery/postgres";
import { replaceDiscoveredStreams } from "./streams";

export const HEARTBEAT_MS = 5_000;
// A running check without a heartbeat for this long was interrupted (the app stopped or crashed).
export const STALE_AFTER_MS = 30_000;
export const INTERRUPTED = "The check was interrupted (the server restarted). Run it again.";

export type CheckView = {
  jobName: string;
  status: "running" | "succeeded" | "failed";
  checkExitStatus: number | null;
  discoveryExitStatus: number | null;
  error: string | null;
  startedAt: Date;
  completedAt: Date | null;
};

export type CheckOptions = { timeouts?: Timeouts };

// Start a check: record it as running now, return its job name at once, run discovery in the background.
export async function startConnectionCheck(
  db: Db,
  source: { id: number; accountId: number },
  conn: PostgresConnection,
  options: CheckOptions = {},
): Promise<{ jobName: string; finished: Promise<void> }> {
  const jobName = `${source.accountId}.${source.id}.check.${randomUUID()}`;
  await db.$transaction([
    db.connectionCheck.create({ data: { sourceId: source.id, jobName } }),
    db.source.update({ where: { id: source.id }, data: { checkJobName: jobName } }),
  ]);
  const finished = runCheck(db, source.id, jobName, conn, options).catch((error: Error) => {
    console.error(`connection check ${jobName} could not be recorded: ${error.message}`);
  });
  return { jobName, finished };
}

async function runCheck(db: Db, sourceId: number, jobName: string, conn: PostgresConnection, options: CheckOptions) {
  const beat = setInterval(() => {
    db.connectionCheck.updateMany({ where: { jobName, status: "running" }, data: { heartbeatAt: new Date() } }).catch(() => {});
  }, HEARTBEAT_MS);
  beat.unref();
  try {
    const outcome = await discoverPostgres(conn, options.timeouts).catch((error: Error): DiscoveryOutcome => ({ ok: false, stage: "discovery", message: error.message }));
    if (!outcome.ok) {
      const failedAt = outcome.stage === "check";
      await finish(db, jobName, { status: "failed", checkExitStatus: failedAt ? 1 : 0, discoveryExitStatus: failedAt ? null : 1, error: outcome.message });
      return;
    }
    await db.$transaction(async (tx) => {
      await replaceDiscoveredStreams(tx, sourceId, outcome.tables.map((t) => streamFromTable(conn.database, t)));
      await tx.connectionCheck.updateMany({
        where: { jobName, status: "running" },
        data: { status: "succeeded", checkExitStatus: 0, discoveryExitStatus: 0, completedAt: new Date() },
      });
    });
  } finally {
    clearInterval(beat);
  }
}

function finish(db: Db, jobName: string, data: { status: string; checkExitStatus: number; discoveryExitStatus: number | null; error: string }) {
  return db.connectionCheck.updateMany({ where: { jobName, status: "running" }, data: { ...data, error: data.error.slice(0, 2000), completedAt: new Date() } });
}

// The source's latest check; a running one whose heartbeat stopped is recorded as failed first.
export async function lastConnectionCheck(db: Db, sourceId: number, now = new Date()): Promise<CheckView | null> {
  await db.connectionCheck.updateMany({
    where: { sourceId, status: "running", heartbeatAt: { lt: new Date(now.getTime() - STALE_AFTER_MS) } },
    data: { status: "failed", error: INTERRUPTED, completedAt: now },
  });
  const check = await db.connectionCheck.findFirst({ where: { sourceId }, orderBy: { id: "desc" } });
  if (!check) return null;
  return {
    jobName: check.jobName,
    status: check.status as CheckView["status"],
    checkExitStatus: check.checkExitStatus,
    discoveryExitStatus: check.discoveryExitStatus,
    error: check.error,
    startedAt: check.startedAt,
    completedAt: check.completedAt,
  };
}

// Replication job records: start (one per source, admitted by the database), stop, claim, finish, reap.
import "server-only";
import { randomUUID } from "node:crypto";
import type { Db } from "../db/factory";
import { fail, isUniqueViolation, ok, type Result } from "../result";
import { dbNow } from "./db-clock";
import { exitStatusLine, formatLogLine } from "./job-log";
import { notifyRunOutcome } from "./notify";

// A running job writes its heartbeat (by the database's clock) this often; one silent for STALE_AFTER_MS is reaped
// as failed. A runner whose beats all failed for STALE_AFTER_MS / 2 aborts itself; none runs longer than MAX_JOB_MS.
export const STALE_AFTER_MS = Number(process.env.JOB_STALE_AFTER_MS ?? 20_000);
export const HEARTBEAT_MS = Math.min(2_000, Math.floor(STALE_AFTER_MS / 5));
// The maximum duration, read when a job starts (JOB_MAX_DURATION_MS; the original's 24 h by default).
export const maxJobMs = () => Number(process.env.JOB_MAX_DURATION_MS ?? 24 * 3_600_000);
export const TERMINATED = "Terminated";
const KILLED = { exitStatus: null, description: TERMINATED };

export type JobStatus = "queued" | "running" | "succeeded" | "failed" | "stopped";

export type StartOutcome = Result<{ jobName: string; jobId: number }, "already_running" | "invalid_source">;

export type Trigger = { trigger: "api" | "console" | "schedule"; actorLabel: string };

// Queue a job for a source of the account; a job already queued or running for it → already_running.
export async function createJob(db: Db, accountId: number, sourceId: number, by: Trigger): Promise<StartOutcome> {
  const source = await db.source.findFirst({ where: { id: sourceId, accountId }, select: { id: true, deletedAt: true } });
  if (!source) return fail("invalid_source", `Unable to locate source(${sourceId}) for client (${accountId})`);
  if (source.deletedAt) return fail("invalid_source", "Integration is deleted.");
  // A job whose worker died must not block this start for ever.
  await reapStaleJobs(db, undefined, sourceId);
  const jobName = `${accountId}.${sourceId}.sync.${randomUUID()}`;
  try {
    const job = await db.replicationJob.create({
      data: { accountId, sourceId, jobName, runningSourceId: sourceId, trigger: by.trigger, actorLabel: by.actorLabel.slice(0, 300) },
      select: { id: true },
    });
    return ok({ jobName, jobId: job.id });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return fail("already_running", `Did not create job for client-id: ${accountId}; connection-id: ${sourceId} because one already exists`);
  }
}

// Ask the source's job to stop: a queued one stops at once, a running one within a heartbeat. False: none was active.
export async function requestStop(db: Db, accountId: number, sourceId: number, now = new Date()): Promise<boolean> {
  const job = await db.replicationJob.findFirst({ where: { accountId, runningSourceId: sourceId }, select: { id: true, log: true } });
  if (!job) return false;
  const stoppedLine = formatLogLine({ from: "main", level: "INFO", message: "Stopped before it started (DELETE /sync)." }, now);
  const queued = await db.replicationJob.updateMany({
    where: { id: job.id, status: "queued" },
    data: {
      status: "stopped",
      stopRequestedAt: now,
      completedAt: now,
      runningSourceId: null,
      discoveryDescription: "Stopped",
      tapDescription: "Stopped",
      targetDescription: "Stopped",
      log: `${job.log}${stoppedLine}\n`,
    },
  });
  if (queued.count === 0) await db.replicationJob.updateMany({ where: { id: job.id, status: "running", stopRequestedAt: null }, data: { stopRequestedAt: now } });
  return true;
}

// Take a queued job for this worker; null when another worker has it or it was stopped.
export async function claimJob(db: Db, jobName: string, at?: Date) {
  const now = at ?? (await dbNow(db));
  const taken = await db.replicationJob.updateMany({ where: { jobName, status: "queued" }, data: { status: "running", startedAt: now, heartbeatAt: now } });
  if (taken.count === 0) return null;
  return db.replicationJob.findUniqueOrThrow({ where: { jobName } });
}

// Whether the job is still this runner's: running, not reaped or finished by anyone else.
export async function stillRunning(db: Db, jobId: number): Promise<boolean> {
  const job = await db.replicationJob.findUnique({ where: { id: jobId }, select: { status: true } });
  return job?.status === "running";
}

// Heartbeat with progress and log; answers whether a stop was asked for (or the job was reaped meanwhile).
export async function beat(db: Db, jobId: number, progress: Record<string, number>, log: string): Promise<{ stop: boolean }> {
  const rows = Object.values(progress).reduce((a, b) => a + b, 0);
  await db.replicationJob.updateMany({ where: { id: jobId, status: "running" }, data: { heartbeatAt: await dbNow(db), progress: JSON.stringify(progress), rows, log } });
  const job = await db.replicationJob.findUnique({ where: { id: jobId }, select: { status: true, stopRequestedAt: true } });
  return { stop: !job || job.status !== "running" || job.stopRequestedAt !== null };
}

export type Finish = {
  status: "succeeded" | "failed" | "stopped";
  discovery: { exitStatus: number | null; description: string | null };
  tap: { exitStatus: number | null; description: string | null };
  target: { exitStatus: number | null; description: string | null };
  rows: number;
  progress: Record<string, number>;
  log: string;
};

// Record how the job ended and release the source's claim (only if it is still running: a reaped job stays reaped).
export async function finishJob(db: Db, jobId: number, end: Finish, now = new Date()): Promise<boolean> {
  const done = await db.replicationJob.updateMany({
    where: { id: jobId, status: "running" },
    data: {
      status: end.status,
      completedAt: now,
      heartbeatAt: now,
      runningSourceId: null,
      discoveryExitStatus: end.discovery.exitStatus,
      discoveryDescription: end.discovery.description?.slice(0, 2000) ?? null,
      tapExitStatus: end.tap.exitStatus,
      tapDescription: end.tap.description?.slice(0, 2000) ?? null,
      targetExitStatus: end.target.exitStatus,
      targetDescription: end.target.description?.slice(0, 2000) ?? null,
      rows: end.rows,
      progress: JSON.stringify(end.progress),
      log: end.log,
    },
  });
  return done.count === 1;
}

// Fail running jobs whose heartbeat stopped (their worker died): statuses null, descriptions "Terminated", claim
// released; each reaped job's source gets the failure notice as a run that failed by itself does.
export async function reapStaleJobs(db: Db, at?: Date, sourceId?: number): Promise<number> {
  const now = at ?? (await dbNow(db));
  const cutoff = new Date(now.getTime() - STALE_AFTER_MS);
  const stale = await db.replicationJob.findMany({
    where: { status: "running", heartbeatAt: { lt: cutoff }, ...(sourceId ? { sourceId } : {}) },
    select: { id: true, jobName: true, log: true },
  });
  let reaped = 0;
  for (const job of stale) {
    const lines = [
      formatLogLine({ from: "main", level: "CRITICAL", message: `The worker running this job stopped (no heartbeat for ${Math.round(STALE_AFTER_MS / 1000)} s).` }, now),
      formatLogLine({ from: "main", level: "INFO", message: exitStatusLine(KILLED, KILLED, KILLED) }, now),
    ];
    const done = await db.replicationJob.updateMany({
      where: { id: job.id, status: "running", heartbeatAt: { lt: cutoff } },
      data: {
        status: "failed",
        completedAt: now,
        runningSourceId: null,
        discoveryExitStatus: null,
        tapExitStatus: null,
        targetExitStatus: null,
        discoveryDescription: TERMINATED,
        tapDescription: TERMINATED,
        targetDescription: TERMINATED,
        log: `${job.log}${lines.join("\n")}\n`,
      },
    });
    reaped += done.count;
    if (done.count === 1) {
      await notifyRunOutcome(db, job.jobName).catch((error: Error) => console.error(`reaper: failure notice not sent: ${error.message.split("\n")[0]}`));
    }
  }
  return reaped;
}

// Jobs still queued after STALE_AFTER_MS: announce them again (the claim is atomic, so a job never runs twice).
export async function announceWaitingJobs(db: Db, announce: (jobName: string) => Promise<void>, at?: Date): Promise<number> {
  const now = at ?? (await dbNow(db));
  const waiting = await db.replicationJob.findMany({
    where: { status: "queued", createdAt: { lt: new Date(now.getTime() - STALE_AFTER_MS) } },
    orderBy: { id: "asc" },
    take: 100,
    select: { jobName: true },
  });
  for (const { jobName } of waiting) await announce(jobName);
  return waiting.length;
}

// What a source's page shows of its replication: the active job with rows so far, the last runs, each table's load state.
import "server-only";
import type { Db } from "../db/factory";
import type { LoadError } from "./load-state";
import { STALE_AFTER_MS } from "./jobs";
import { runError } from "./run-error";

export const HISTORY_SIZE = 20;

export type RunStatus = "queued" | "running" | "succeeded" | "failed" | "stopped";

export type RunView = {
  jobName: string;
  status: RunStatus;
  trigger: string;
  startedAt: string;
  completedAt: string | null;
  durationSeconds: number | null;
  rows: number;
  error: string | null;
};

export type ActiveRun = RunView & { progress: Record<string, number>; stopRequested: boolean };

export type TableLoad = { tapStreamId: string; streamName: string; lastLoadRows: number | null; lastBatchLoadedAt: string | null; error: string | null };

export type ReplicationOverview = { active: ActiveRun | null; runs: RunView[]; tables: TableLoad[] };

type JobRow = {
  jobName: string;
  status: string;
  trigger: string;
  createdAt: Date;
  startedAt: Date | null;
  completedAt: Date | null;
  heartbeatAt: Date;
  rows: number;
  discoveryDescription: string | null;
  tapDescription: string | null;
  targetDescription: string | null;
  discoveryExitStatus: number | null;
  tapExitStatus: number | null;
  targetExitStatus: number | null;
};

function toRun(job: JobRow, now: Date): RunView {
  const start = job.startedAt ?? job.createdAt;
  // A running job whose worker died reads as failed before the reaper records it, as the API reports it.
  const dead = job.status === "running" && now.getTime() - job.heartbeatAt.getTime() > STALE_AFTER_MS;
  const status = (dead ? "failed" : job.status) as RunStatus;
  return {
    jobName: job.jobName,
    status,
    trigger: job.trigger,
    startedAt: start.toISOString(),
    completedAt: job.completedAt?.toISOString() ?? null,
    durationSeconds: job.completedAt ? Math.max(0, Math.round((job.completedAt.getTime() - start.getTime()) / 1000)) : null,
    rows: job.rows,
    error: dead ? "The worker running this job stopped." : runError(job),
  };
}

const JOB_FIELDS = {
  jobName: true, status: true, trigger: true, createdAt: true, startedAt: true, completedAt: true, heartbeatAt: true, rows: true,
  discoveryDescription: true, tapDescription: true, targetDescription: true, discoveryExitStatus: true, tapExitStatus: true, targetExitStatus: true,
} as const;

// The source's replication as its page shows it; null when the source is not the account's.
export async function replicationOverview(db: Db, accountId: number, sourceId: number, now = new Date()): Promise<ReplicationOverview | null> {
  const source = await db.source.findFirst({ where: { id: sourceId, accountId }, select: { id: true } });
  if (!source) return null;
  const [activeJob, done, streams] = await Promise.all([
    db.replicationJob.findFirst({ where: { accountId, runningSourceId: sourceId }, select: { ...JOB_FIELDS, progress: true, stopRequestedAt: true } }),
    db.replicationJob.findMany({ where: { accountId, sourceId, completedAt: { not: null } }, orderBy: { id: "desc" }, take: HISTORY_SIZE, select: JOB_FIELDS }),
    db.stream.findMany({
      where: { sourceId, OR: [{ selected: true }, { lastLoadAt: { not: null } }] },
      orderBy: { streamName: "asc" },
      select: { tapStreamId: true, streamName: true, lastLoadRows: true, lastBatchLoadedAt: true, loadError: true },
    }),
  ]);
  const active = activeJob && {
    ...toRun(activeJob, now),
    progress: JSON.parse(activeJob.progress) as Record<string, number>,
    stopRequested: activeJob.stopRequestedAt !== null,
  };
  const tables = streams.map((s) => ({
    tapStreamId: s.tapStreamId,
    streamName: s.streamName,
    lastLoadRows: s.lastLoadRows,
    lastBatchLoadedAt: s.lastBatchLoadedAt?.toISOString() ?? null,
    error: s.loadError ? (JSON.parse(s.loadError) as LoadError).message : null,
  }));
  return { active, runs: done.map((job) => toRun(job, now)), tables };
}

// A run of the account's source by job name (to serve its log), or null.
export async function findSourceRun(db: Db, accountId: number, sourceId: number, jobName: string): Promise<{ id: number } | null> {
  return db.replicationJob.findFirst({ where: { accountId, sourceId, jobName }, select: { id: true } });
}

export type LastRun = { status: RunStatus; at: string; error: string | null };

// Each source's latest run, finished or not (for the Sources list), keyed by source id.
export async function lastRunsBySource(db: Db, accountId: number, now = new Date()): Promise<Map<number, LastRun>> {
  const latest = await db.replicationJob.groupBy({ by: ["sourceId"], where: { accountId }, _max: { id: true } });
  const jobs = await db.replicationJob.findMany({ where: { id: { in: latest.map((g) => g._max.id!) } }, select: { ...JOB_FIELDS, sourceId: true } });
  return new Map(jobs.map((job) => {
    const run = toRun(job, now);
    return [job.sourceId, { status: run.status, at: run.completedAt ?? run.startedAt, error: run.error }];
  }));
}

// Each active source's next scheduled run (ISO), keyed by source id.
export async function nextRunsBySource(db: Db, accountId: number): Promise<Record<number, string | null>> {
  const rows = await db.source.findMany({ where: { accountId, deletedAt: null, pausedAt: null }, select: { id: true, nextFireAt: true } });
  return Object.fromEntries(rows.map((r) => [r.id, r.nextFireAt?.toISOString() ?? null]));
}

// What clients poll: the last completed extraction per source, the latest load per stream (both over 60 days).
import "server-only";
import type { Db } from "../db/factory";
import type { LoadError } from "./load-state";

export const REPORT_DAYS = 60;
export const PAGE_SIZE = 100;

export type Extraction = {
  jobName: string;
  accountId: number;
  sourceId: number;
  sourceType: string;
  startTime: Date;
  completionTime: Date;
  discovery: { exitStatus: number | null; description: string | null };
  tap: { exitStatus: number | null; description: string | null };
  target: { exitStatus: number | null; description: string | null };
};

export type Load = { accountId: number; sourceName: string; streamName: string; lastBatchLoadedAt: Date | null; error: LoadError | null };

export type Page<T> = { items: T[]; page: number; total: number };

const since = (now: Date) => new Date(now.getTime() - REPORT_DAYS * 86_400_000);

// One page of extractions: per source (paused and deleted included) its last completed job, by source id.
export async function listExtractions(db: Db, accountId: number, page: number, now = new Date()): Promise<Page<Extraction>> {
  // One job per source runs at a time, so a source's newest completed job (largest id) is its last completed one.
  const latest = await db.replicationJob.groupBy({ by: ["sourceId"], where: { accountId, completedAt: { gte: since(now) } }, _max: { id: true }, orderBy: { sourceId: "asc" } });
  const ids = latest.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map((g) => g._max.id!);
  const jobs = await db.replicationJob.findMany({ where: { id: { in: ids } }, orderBy: { sourceId: "asc" }, include: { source: { select: { type: true } } } });
  const items = jobs.map(
    (job): Extraction => ({
      jobName: job.jobName,
      accountId: job.accountId,
      sourceId: job.sourceId,
      sourceType: job.source.type,
      startTime: job.startedAt ?? job.createdAt,
      completionTime: job.completedAt!,
      discovery: { exitStatus: job.discoveryExitStatus, description: job.discoveryDescription },
      tap: { exitStatus: job.tapExitStatus, description: job.tapDescription },
      target: { exitStatus: job.targetExitStatus, description: job.targetDescription },
    }),
  );
  return { items, page, total: latest.length };
}

// One page of loads: per stream with a load attempt in the window, by stream name (then source name).
export async function listLoads(db: Db, accountId: number, page: number, now = new Date()): Promise<Page<Load>> {
  const where = { source: { accountId }, lastLoadAt: { gte: since(now) } };
  const [total, rows] = await Promise.all([
    db.stream.count({ where }),
    db.stream.findMany({
      where,
      orderBy: [{ streamName: "asc" }, { sourceId: "asc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: { streamName: true, lastBatchLoadedAt: true, loadError: true, source: { select: { name: true } } },
    }),
  ]);
  const items = rows.map(
    (row): Load => ({
      accountId,
      sourceName: row.source.name,
      streamName: row.streamName,
      lastBatchLoadedAt: row.loadError ? null : row.lastBatchLoadedAt,
      error: row.loadError ? (JSON.parse(row.loadError) as LoadError) : null,
    }),
  );
  return { items, page, total };
}

// A job of the account by name (for its log), or null.
export async function findJobLog(db: Db, accountId: number, jobName: string): Promise<{ id: number; log: string } | null> {
  return db.replicationJob.findFirst({ where: { accountId, jobName }, select: { id: true, log: true } });
}

// Rows so far per stream of the source's running job (progress is readable while it runs).
export async function runningProgress(db: Db, accountId: number, sourceId: number) {
  const job = await db.replicationJob.findFirst({ where: { accountId, runningSourceId: sourceId }, select: { jobName: true, status: true, progress: true, rows: true } });
  return job && { jobName: job.jobName, status: job.status, rows: job.rows, progress: JSON.parse(job.progress) as Record<string, number> };
}

// Post-load hooks of a job, as the original sends them: one notification per table whose load succeeded in the
// job (per source, per table), to every enabled post_load hook on the destination. Delivered in the background:
// a slow, failing or retried hook never delays the job's end nor fails it, and the worker takes its next job at
// once. Deliveries live in the process's memory: a crash or restart drops those in flight (the attempts made are
// in the delivery log).
import type { SecretBox } from "../crypto/secret-box";
import type { Db } from "../db-client";
import { deliverPostLoad, type DeliveryOptions } from "../notifications/deliver";
import { wireTime as apiTime } from "../http/wire/time";
import type { Committed, ReplicationMethod } from "./engine/types";

// Test and operator knobs of the deliveries (backoff, timeout, the host rules' environment).
export type HookSettings = Partial<Pick<DeliveryOptions, "backoffMs" | "timeoutMs" | "env">>;

export type JobLoadContext = {
  workspaceId: number;
  jobName: string;
  sourceId: number;
  // The source's name: the destination schema.
  sourceName: string;
  sourceDisplayName: string;
  sourceType: string;
  destinationId: number;
};

export type TableLoaded = {
  tapStreamId: string;
  tableName: string;
  method: ReplicationMethod;
  rows: number;
  batches: number;
  firstBatchLoadedAt: Date;
  lastBatchLoadedAt: Date;
};

// What a hook receives for one table (snake_case, the API's times).
export function postLoadPayload(job: JobLoadContext, load: TableLoaded) {
  return {
    type: "post_load",
    client_id: job.workspaceId,
    job_name: job.jobName,
    source_id: job.sourceId,
    source_name: job.sourceName,
    source_display_name: job.sourceDisplayName,
    source_type: job.sourceType,
    destination_id: job.destinationId,
    schema_name: job.sourceName,
    table_name: load.tableName,
    tap_stream_id: load.tapStreamId,
    replication_method: load.method,
    row_count: load.rows,
    batch_count: load.batches,
    first_batch_loaded_at: apiTime(load.firstBatchLoadedAt),
    last_batch_loaded_at: apiTime(load.lastBatchLoadedAt),
  };
}

// Collects a job's commits per table; a table whose extract or load failed in the job gets no notification.
export class LoadTally {
  private readonly tables = new Map<string, TableLoaded>();
  private readonly failed = new Set<string>();

  constructor(private readonly streams: { tapStreamId: string; streamName: string; method: ReplicationMethod }[]) {}

  committed(batch: Committed): void {
    const known = this.tables.get(batch.tapStreamId);
    if (known) {
      known.rows += batch.rows;
      known.batches += 1;
      known.lastBatchLoadedAt = batch.batchLoadedAt;
      return;
    }
    const stream = this.streams.find((s) => s.tapStreamId === batch.tapStreamId);
    if (!stream) return;
    const at = batch.batchLoadedAt;
    this.tables.set(batch.tapStreamId, { tapStreamId: stream.tapStreamId, tableName: stream.streamName, method: stream.method, rows: batch.rows, batches: 1, firstBatchLoadedAt: at, lastBatchLoadedAt: at });
  }

  streamFailed(tapStreamId: string): void {
    this.failed.add(tapStreamId);
  }

  loaded(): TableLoaded[] {
    return [...this.tables.values()].filter((t) => !this.failed.has(t.tapStreamId));
  }
}

const inFlight = new Set<Promise<void>>();
// Tables delivered at once (each to every hook of the destination at once).
const TABLES_AT_ONCE = 4;

// Start the job's deliveries in the background; returns at once.
export function sendPostLoadHooks(deps: { db: Db; box: SecretBox; hooks?: HookSettings }, job: JobLoadContext, loads: TableLoaded[]): void {
  if (loads.length === 0) return;
  const queue = [...loads];
  const lane = async () => {
    for (let load = queue.shift(); load; load = queue.shift()) {
      await deliverPostLoad(job.workspaceId, job.destinationId, postLoadPayload(job, load), { db: deps.db, box: deps.box, ...deps.hooks });
    }
  };
  const all = Promise.all(Array.from({ length: Math.min(TABLES_AT_ONCE, loads.length) }, lane))
    .then(() => undefined)
    .catch((error: Error) => console.error(`hooks: post-load deliveries of ${job.jobName} stopped: ${String(error?.message).split("\n")[0].slice(0, 200)}`));
  inFlight.add(all);
  void all.finally(() => inFlight.delete(all));
}

// Wait until this process's post-load deliveries in flight have ended (tests; a stop that may wait).
export async function settlePostLoadHooks(): Promise<void> {
  while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
}

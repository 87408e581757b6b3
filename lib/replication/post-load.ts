// Post-load hooks of a job, as the original sends them: one notification per table whose load succeeded in the
// job (per source, per table), to every enabled post_load hook on the destination. Delivered in the background:
// a slow, failing or retried hook never delays the job's end nor fails it, and the worker takes its next job at
// once. Deliveries live in the process's memory: a crash or restart drops those in flight (the attempts made are
// in the delivery log).
import "server-only";
import type { SecretBox } from "../crypto/secret-box";
import type { Db } from "../db/factory";
import { deliverPostLoad, type DeliveryOptions } from "../notifications/deliver";
import { wireTime as apiTime } from "../http/wire/time";
import type { Committed, ReplicationMethod } from "./engine/types";

// Test and operator knobs of the deliveries (backoff, timeout, the host rules' environment).
export type HookSettings = Partial<Pick<DeliveryOptions, "backoffMs" | "timeoutMs" | "env">>;

export type JobLoadContext = {
  accountId: number;
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
    client_id: job.accountId,
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

// One queue per process for every job's deliveries: at most LANES table notices are being delivered at once
// (each to every hook of its destination at once), and at most MAX_WAITING wait, whatever the number of jobs, so a
// hook that never answers cannot pile up connections or memory in the worker.
const LANES = 16;
const MAX_WAITING = 10_000;
type Delivery = { deps: { db: Db; box: SecretBox; hooks?: HookSettings }; job: JobLoadContext; load: TableLoaded };
const waiting: Delivery[] = [];
let busyLanes = 0;
const onIdle = new Set<() => void>();

// Queue the job's deliveries and start them in the background; returns at once.
export function sendPostLoadHooks(deps: Delivery["deps"], job: JobLoadContext, loads: TableLoaded[]): void {
  for (const load of loads) {
    if (waiting.length >= MAX_WAITING) {
      console.error(`hooks: ${MAX_WAITING} post-load notices are waiting; the one for ${job.jobName} (${load.tableName}) is dropped`);
      continue;
    }
    waiting.push({ deps, job, load });
  }
  while (busyLanes < LANES && waiting.length > 0) void lane();
}

async function lane(): Promise<void> {
  busyLanes++;
  try {
    for (let next = waiting.shift(); next; next = waiting.shift()) {
      const { deps, job, load } = next;
      await deliverPostLoad(job.accountId, job.destinationId, postLoadPayload(job, load), { db: deps.db, box: deps.box, ...deps.hooks }).catch((error: Error) =>
        console.error(`hooks: post-load delivery of ${job.jobName} stopped: ${String(error?.message).split("\n")[0].slice(0, 200)}`),
      );
    }
  } finally {
    busyLanes--;
    if (busyLanes === 0 && waiting.length === 0) {
      for (const resolve of onIdle) resolve();
      onIdle.clear();
    }
  }
}

// Wait until this process's post-load deliveries, queued and in flight, have ended (tests; a stop that may wait).
export async function settlePostLoadHooks(): Promise<void> {
  if (busyLanes === 0 && waiting.length === 0) return;
  await new Promise<void>((resolve) => onIdle.add(resolve));
}

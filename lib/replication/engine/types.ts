// The contract between the replication engine (PostgreSQL source → PostgreSQL destination) and the job runner.
// The engine knows nothing of Prisma, accounts or HTTP: it is given connections and a plan, reports through
// events, and stops when its signal aborts.
import type { JsonSchema } from "../../connect/discovery/pg-types";

// A connection the engine may open. `host` is already vetted (and usually resolved to an address) by the caller.
export type PgEndpoint = {
  host: string;
  port: number;
  database: string;
  user: string;
  password?: string;
  // false: plain; otherwise TLS (verify-full when rejectUnauthorized, servername for an address host).
  ssl?: false | { rejectUnauthorized: boolean; ca?: string; servername?: string };
};

export type ReplicationMethod = "FULL_TABLE" | "INCREMENTAL";

export type StreamColumn = {
  name: string;
  // format_type() of the source column, e.g. "numeric(10,2)", "timestamp with time zone", "jsonb", "text[]".
  sqlType: string;
  schema: JsonSchema;
};

// One selected stream: what to read and how to load it.
export type StreamPlan = {
  tapStreamId: string;
  // The destination table's name (the stream's stream_name; the engine applies the destination's naming rules).
  streamName: string;
  sourceSchema: string;
  sourceTable: string;
  // Selected and automatic columns only, in source order.
  columns: StreamColumn[];
  // Primary key columns (table-key-properties); [] → append-only loading.
  keyProperties: string[];
  method: ReplicationMethod;
  // INCREMENTAL only.
  replicationKey?: string;
  // INCREMENTAL only: the last committed key value, as PostgreSQL prints it; null → first run, unbounded.
  bookmark?: string | null;
};

export type ReplicationPlan = {
  source: PgEndpoint;
  destination: PgEndpoint;
  // The destination schema: the source's `name`.
  destinationSchema: string;
  streams: StreamPlan[];
  // Optional: rows per INCREMENTAL destination batch (one transaction and one bookmark each); default 100 000.
  batchRows?: number;
};

export type LogLine = { from: "main" | "tap" | "target"; level: "DEBUG" | "INFO" | "WARNING" | "ERROR" | "CRITICAL"; message: string };

export type Committed = {
  tapStreamId: string;
  // Rows in this committed batch (a whole FULL_TABLE version counts as one batch).
  rows: number;
  // INCREMENTAL: the new bookmark (largest key value committed so far); FULL_TABLE: null.
  bookmark: string | null;
  batchLoadedAt: Date;
};

export type StreamFailure = {
  tapStreamId: string;
  phase: "extract" | "load";
  message: string;
  // Destination errors: SQLSTATE and the database's own message (never a password).
  sqlState?: string;
  warehouseMessage?: string;
};

export type EngineEvents = {
  log(line: LogLine): void;
  // Rows read so far for a stream in this run (called at most every few thousand rows).
  progress(tapStreamId: string, rowsSoFar: number): void;
  // After each destination commit. The runner persists the bookmark here; the engine awaits it before going on.
  committed(batch: Committed): Promise<void>;
  // Optional: awaited right before every destination COMMIT (a FULL_TABLE swap, each INCREMENTAL batch). When it
  // throws, the engine rolls the transaction back and fails the stream with the error's message (the runner
  // checks here that it still owns the job).
  beforeCommit?: () => Promise<void>;
  streamFailed(failure: StreamFailure): void;
};

export type StreamOutcome = { tapStreamId: string; rows: number; status: "succeeded" | "failed" | "stopped" };

export type EngineOutcome = {
  // "failed": a connection or a stream failed (the others still ran); "stopped": the signal aborted.
  status: "succeeded" | "failed" | "stopped";
  // Which step failed, for the extraction's exit statuses.
  failedStep?: "tap" | "target";
  message?: string;
  streams: StreamOutcome[];
};

// Implemented by ./run.ts:
//   export function runReplication(plan: ReplicationPlan, events: EngineEvents, signal: AbortSignal): Promise<EngineOutcome>

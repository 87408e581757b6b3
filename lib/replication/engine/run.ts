// The replication engine: PostgreSQL source → PostgreSQL destination, stream by stream, through COPY.
import "server-only";
import type pg from "pg";
import { destinationType } from "./column-types";
import { ensureSchema } from "./destination";
import { loadFullTable } from "./full-table";
import { BATCH_ROWS, loadIncremental } from "./incremental";
import { columnNameProblem, destinationTableName, reservedSchemaProblem } from "./names";
import { closeSession, openSession, SideError, toSideError } from "./sessions";
import type { StreamContext, StreamResult } from "./stream-context";
import type { EngineEvents, EngineOutcome, ReplicationPlan, StreamFailure, StreamOutcome, StreamPlan } from "./types";

type Secrets = (string | undefined)[];

// Replicate every stream of the plan; resolves with the run's outcome (it never rejects).
export async function runReplication(plan: ReplicationPlan, events: EngineEvents, signal: AbortSignal): Promise<EngineOutcome> {
  const secrets: Secrets = [plan.source.password, plan.destination.password];
  const unreachable = await checkConnections(plan, secrets);
  if (unreachable) {
    const from = unreachable.side === "source" ? "tap" : "target";
    events.log({ from, level: "CRITICAL", message: unreachable.message });
    return {
      status: "failed",
      failedStep: from,
      message: unreachable.message,
      streams: plan.streams.map((s) => ({ tapStreamId: s.tapStreamId, rows: 0, status: "failed" })),
    };
  }
  const streams: StreamOutcome[] = [];
  const failures: StreamFailure[] = [];
  const owners = tableOwners(plan.streams);
  for (const [i, stream] of plan.streams.entries()) {
    if (signal.aborted) {
      streams.push({ tapStreamId: stream.tapStreamId, rows: 0, status: "stopped" });
      continue;
    }
    const { outcome, failure } = await runStream(plan, stream, events, signal, secrets, owners[i]);
    streams.push(outcome);
    if (failure) {
      failures.push(failure);
      events.streamFailed(failure);
    }
  }
  if (signal.aborted) return { status: "stopped", streams };
  if (!failures.length) return { status: "succeeded", streams };
  const tapFailure = failures.find((f) => f.phase === "extract");
  const first = tapFailure ?? failures[0];
  return { status: "failed", failedStep: tapFailure ? "tap" : "target", message: first.message, streams };
}

// For each stream, the earlier stream of the plan that loads into the same destination table (e.g. "a-b" and a
// public "a__b" both → a__b), or null: the later stream is refused rather than overwriting or mixing the table.
function tableOwners(streams: StreamPlan[]): (StreamPlan | null)[] {
  const first = new Map<string, StreamPlan>();
  return streams.map((s) => {
    const table = destinationTableName(s.streamName);
    if (table === null) return null;
    const owner = first.get(table);
    if (!owner) first.set(table, s);
    return owner ?? null;
  });
}

// Connect to both databases once before any stream runs.
async function checkConnections(plan: ReplicationPlan, secrets: Secrets): Promise<SideError | null> {
  for (const side of ["source", "destination"] as const) {
    try {
      await closeSession(await openSession(side === "source" ? plan.source : plan.destination, side));
    } catch (error) {
      return toSideError(error, side, secrets);
    }
  }
  return null;
}

// Replicate one stream on its own pair of sessions; a failure ends this stream only.
async function runStream(plan: ReplicationPlan, stream: StreamPlan, events: EngineEvents, signal: AbortSignal, secrets: Secrets, owner: StreamPlan | null) {
  const id = stream.tapStreamId;
  let committedRows = 0;
  const counted: EngineEvents = { ...events, committed: async (b) => ((committedRows += b.rows), events.committed(b)) };
  let source: pg.Client | null = null;
  let dest: pg.Client | null = null;
  // A stop closes both sessions at once: the servers end the COPYs and roll back the open batch.
  const onAbort = () => void Promise.all([closeSession(source), closeSession(dest)]);
  signal.addEventListener("abort", onAbort, { once: true });
  try {
    const ctx = await prepare(plan, stream, counted, signal, secrets, owner);
    source = await openSession(plan.source, "source");
    dest = await openSession(plan.destination, "destination");
    if (signal.aborted) throw new Error("stopped");
    ctx.source = source;
    ctx.dest = dest;
    try {
      await ensureSchema(dest, plan.destinationSchema);
    } catch (error) {
      throw toSideError(error, "destination", secrets);
    }
    const method = stream.method === "FULL_TABLE" ? "full" : "incremental";
    events.log({ from: "tap", level: "INFO", message: `Beginning sync of stream(${id}) with sync method(${method})` });
    if (stream.method === "INCREMENTAL" && stream.bookmark != null) {
      events.log({ from: "tap", level: "INFO", message: `found current bookmark for ${id}:  ${stream.bookmark}` });
    }
    const result: StreamResult = stream.method === "FULL_TABLE" ? await loadFullTable(ctx) : await loadIncremental(ctx);
    logRecords(events, stream, result.rows);
    return { outcome: { tapStreamId: id, rows: committedRows, status: "succeeded" } as StreamOutcome };
  } catch (error) {
    if (signal.aborted) {
      events.log({ from: "tap", level: "INFO", message: `stopped: ${committedRows} records of "${stream.streamName}" committed` });
      return { outcome: { tapStreamId: id, rows: committedRows, status: "stopped" } as StreamOutcome };
    }
    const e = toSideError(error, "destination", secrets);
    const failure: StreamFailure =
      e.side === "source"
        ? { tapStreamId: id, phase: "extract", message: e.message }
        : { tapStreamId: id, phase: "load", message: e.message, sqlState: e.sqlState, warehouseMessage: e.message };
    events.log({ from: e.side === "source" ? "tap" : "target", level: "ERROR", message: `${stream.streamName}: ${e.message}` });
    if (committedRows) logRecords(events, stream, committedRows);
    return { outcome: { tapStreamId: id, rows: committedRows, status: "failed" } as StreamOutcome, failure };
  } finally {
    signal.removeEventListener("abort", onAbort);
    await Promise.all([closeSession(source), closeSession(dest)]);
  }
}

// The stream's destination table and columns; columns the destination cannot name are left out with a warning.
async function prepare(plan: ReplicationPlan, stream: StreamPlan, events: EngineEvents, signal: AbortSignal, secrets: Secrets, owner: StreamPlan | null): Promise<StreamContext> {
  const schemaProblem = reservedSchemaProblem(plan.destinationSchema);
  if (schemaProblem) throw new SideError("destination", schemaProblem);
  const table = destinationTableName(stream.streamName);
  if (!table) throw new SideError("destination", `table name "${stream.streamName}" is longer than 63 characters`);
  if (owner) {
    throw new SideError("destination", `streams "${owner.streamName}" and "${stream.streamName}" both load into ${plan.destinationSchema}.${table}: "${stream.streamName}" is not loaded`);
  }
  const columns = stream.columns.filter((c) => {
    const problem = columnNameProblem(c.name);
    if (problem) events.log({ from: "target", level: "WARNING", message: `${stream.streamName}.${c.name} not loaded: ${problem}` });
    return !problem;
  });
  for (const key of [...stream.keyProperties, ...(stream.replicationKey ? [stream.replicationKey] : [])]) {
    if (!columns.some((c) => c.name === key)) throw new SideError("source", `key column "${key}" of ${stream.streamName} is not among its loaded columns`);
  }
  if (!columns.length) throw new SideError("source", `no column of ${stream.streamName} is selected`);
  const destColumns = columns.map((c) => ({ name: c.name, type: destinationType(c) }));
  return { stream, schema: plan.destinationSchema, table, columns, destColumns, events, signal, secrets, batchRows: plan.batchRows ?? BATCH_ROWS, source: null!, dest: null! };
}

// The original's per-stream lines: the records count, then its metric.
function logRecords(events: EngineEvents, stream: StreamPlan, rows: number): void {
  events.log({ from: "tap", level: "INFO", message: `replicated ${rows} records from "${stream.streamName}" endpoint` });
  const metric = { type: "counter", metric: "record_count", value: rows, tags: { endpoint: stream.streamName } };
  events.log({ from: "tap", level: "INFO", message: `METRIC: ${JSON.stringify(metric).replaceAll(",", ", ").replaceAll(":", ": ")}` });
}

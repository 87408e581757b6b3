// What loading one stream needs, the source query, and a COPY pipeline whose failure names the side that failed.
import "server-only";
import { pipeline } from "node:stream/promises";
import type { Readable, Transform, Writable } from "node:stream";
import type pg from "pg";
import type { DestColumn } from "./destination";
import { qualified, quoteIdent, quoteLiteral } from "./names";
import { scrub, SideError, toSideError } from "./sessions";
import type { EngineEvents, StreamColumn, StreamPlan } from "./types";

export type StreamContext = {
  stream: StreamPlan;
  schema: string;
  table: string;
  // The columns loaded (source column i → destination column i).
  columns: StreamColumn[];
  destColumns: DestColumn[];
  source: pg.Client;
  dest: pg.Client;
  events: EngineEvents;
  signal: AbortSignal;
  secrets: (string | undefined)[];
  batchRows: number;
};

export type StreamResult = { rows: number; bookmark: string | null };

// Epoch microseconds now (the high part of _sdc_sequence).
export function nowMicros(): number {
  return Date.now() * 1000 + (Math.floor(performance.now() * 1000) % 1000);
}

// The source SELECT of a stream: its loaded columns, bounded by the bookmark and ordered by the key when INCREMENTAL.
export function sourceSelect(ctx: StreamContext): string {
  const { stream } = ctx;
  let sql = `SELECT ${ctx.columns.map((c) => quoteIdent(c.name)).join(", ")} FROM ${qualified(stream.sourceSchema, stream.sourceTable)}`;
  if (stream.method === "INCREMENTAL" && stream.replicationKey) {
    const key = quoteIdent(stream.replicationKey);
    // An untyped literal takes the key column's type, so the comparison is the column's own order.
    if (stream.bookmark != null) sql += ` WHERE ${key} >= ${quoteLiteral(stream.bookmark)}`;
    sql += ` ORDER BY ${key}`;
  }
  return sql;
}

// Reports rows read at most every `every` rows.
export function progressReporter(ctx: StreamContext, every = 10_000): (rowsSoFar: number) => void {
  let reported = 0;
  return (rows) => {
    if (rows - reported < every) return;
    reported = rows;
    ctx.events.progress(ctx.stream.tapStreamId, rows);
  };
}

// Pipe the source COPY through the stages into the destination; a failure is thrown as the SideError of
// the stream that failed first (the COPY TO stream → source, anything after it → destination).
export async function pipeCopy(ctx: StreamContext, copyOut: Readable, stages: (Transform | Writable)[]): Promise<void> {
  let first: SideError | null = null;
  copyOut.on("error", (e) => (first ??= toSideError(e, "source", ctx.secrets)));
  for (const s of stages) s.on("error", (e) => (first ??= toSideError(e, "destination", ctx.secrets)));
  try {
    await pipeline([copyOut, ...stages] as unknown as NodeJS.ReadWriteStream[], { signal: ctx.signal });
  } catch (error) {
    throw first ?? toSideError(error, "destination", ctx.secrets);
  }
}

// Run a query on one side, tagging its failure with that side.
export async function onSide(ctx: StreamContext, side: "source" | "destination", sql: string): Promise<pg.QueryResult> {
  try {
    return await (side === "source" ? ctx.source : ctx.dest).query(sql);
  } catch (error) {
    throw toSideError(error, side, ctx.secrets);
  }
}

// Await the runner's check right before a destination COMMIT; when it throws, roll the transaction back and fail
// the stream with its message.
export async function beforeCommit(ctx: StreamContext): Promise<void> {
  if (!ctx.events.beforeCommit) return;
  try {
    await ctx.events.beforeCommit();
  } catch (error) {
    await ctx.dest.query("ROLLBACK").catch(() => {});
    throw new SideError("destination", scrub((error as Error)?.message || String(error), ctx.secrets));
  }
}

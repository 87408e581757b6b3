// INCREMENTAL: rows from the bookmark on, in key order, loaded batch by batch. Each batch is one destination
// transaction (COPY into a staging table, dedupe by key keeping the last _sdc_sequence, upsert; or a plain COPY
// for an append-only table or one empty at the start); the bookmark is reported after its commit.
import "server-only";
import { Writable } from "node:stream";
import { finished } from "node:stream/promises";
import { to as copyTo, from as copyFrom } from "pg-copy-streams";
import { SdcFramer } from "./copy-lines";
import { columnDefinitions, copyColumnList, prepareIncrementalTable, tableColumns } from "./destination";
import { qualified, quoteIdent } from "./names";
import { toSideError } from "./sessions";
import { beforeCommit, nowMicros, onSide, pipeCopy, progressReporter, sourceSelect, type StreamContext, type StreamResult } from "./stream-context";

// A batch ends after this many rows or bytes, whichever comes first (see docs/benchmarks.md).
export const BATCH_ROWS = 100_000;
export const BATCH_BYTES = 64 * 1024 * 1024;
const STAGE = "_sdc_stage";
const EMPTY = Buffer.alloc(0);

// Load an INCREMENTAL stream from its bookmark on; returns the rows loaded and the last committed bookmark.
export async function loadIncremental(ctx: StreamContext): Promise<StreamResult> {
  const { schema, table, stream } = ctx;
  const keyIndex = ctx.columns.findIndex((c) => c.name === stream.replicationKey);
  if (keyIndex < 0) throw toSideError(new Error(`replication key "${stream.replicationKey}" is not among the stream's selected columns`), "source", []);
  const { added, empty } = await prepareTable(ctx);
  for (const name of added) ctx.events.log({ from: "target", level: "INFO", message: `Added column "${name}" to ${schema}.${table}` });

  await onSide(ctx, "source", "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  // Into a table empty at the start, every batch is COPYed straight in: the rows of one snapshot of a keyed table
  // are unique, so there is nothing to dedupe or upsert (a key that is not unique fails the load with 23505).
  const sink = new BatchSink(ctx, new SdcFramer(nowMicros(), sdcNow(), keyIndex), ctx.stream.keyProperties.length > 0 && !empty);
  const copyOut = ctx.source.query(copyTo(`COPY (${sourceSelect(ctx)}) TO STDOUT`));
  try {
    await pipeCopy(ctx, copyOut, [sink]);
  } finally {
    await sink.settled();
  }
  await onSide(ctx, "source", "COMMIT");
  return { rows: sink.committedRows, bookmark: sink.bookmark };
}

async function prepareTable(ctx: StreamContext): Promise<{ added: string[]; empty: boolean }> {
  try {
    const added = await prepareIncrementalTable(ctx.dest, ctx.schema, ctx.table, ctx.destColumns, ctx.stream.keyProperties);
    const rows = await ctx.dest.query(`SELECT 1 FROM ${qualified(ctx.schema, ctx.table)} LIMIT 1`);
    return { added, empty: rows.rowCount === 0 };
  } catch (error) {
    throw toSideError(error, "destination", ctx.secrets);
  }
}

function sdcNow() {
  const now = new Date();
  return { extractedAt: now, receivedAt: now, batchedAt: now, tableVersion: 0 };
}

// The merge of a staged batch into the stream's table.
function mergeSql(ctx: StreamContext): string {
  const cols = tableColumns(ctx.destColumns).map((c) => quoteIdent(c.name));
  const keys = ctx.stream.keyProperties.map(quoteIdent);
  const updates = cols.filter((c) => !keys.includes(c)).map((c) => `${c} = EXCLUDED.${c}`);
  return `INSERT INTO ${qualified(ctx.schema, ctx.table)} (${cols.join(", ")})
    SELECT DISTINCT ON (${keys.join(", ")}) ${cols.join(", ")} FROM ${STAGE} ORDER BY ${keys.join(", ")}, "_sdc_sequence" DESC
    ON CONFLICT (${keys.join(", ")}) DO UPDATE SET ${updates.join(", ")}`;
}

// Writes framed rows into the open batch's COPY, and commits a batch when it is full or the source ends.
class BatchSink extends Writable {
  committedRows = 0;
  bookmark: string | null;
  private copy: Writable | null = null;
  private batchRows = 0;
  private batchBytes = 0;
  private batchKey: string | null | undefined;
  private work: Promise<void> = Promise.resolve();
  private readonly report: (rows: number) => void;
  private rowsRead = 0;

  constructor(
    private readonly ctx: StreamContext,
    private readonly framer: SdcFramer,
    // true: stage each batch and upsert it by key; false: COPY straight into the table.
    private readonly staged: boolean,
  ) {
    super({ highWaterMark: 1 << 20 });
    this.bookmark = ctx.stream.bookmark ?? null;
    this.report = progressReporter(ctx);
  }

  // Resolves once no batch work is running (after a failure or a stop too).
  async settled(): Promise<void> {
    await this.work.catch(() => {});
  }

  _write(chunk: Buffer, _enc: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.work = this.writeChunk(chunk);
    this.work.then(() => callback(), (e) => callback(toSideError(e, "destination", this.ctx.secrets)));
  }

  _final(callback: (error?: Error | null) => void): void {
    if (this.framer.hasPartialRow()) return callback(toSideError(new Error("the source's COPY output ended inside a row"), "source", []));
    this.work = this.copy ? this.commit() : Promise.resolve();
    this.work.then(() => callback(), (e) => callback(toSideError(e, "destination", this.ctx.secrets)));
  }

  _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.copy?.destroy(); // CopyFail: the server rolls the open batch back
    callback(error);
  }

  // Frame a chunk into the open batch; a batch that fills up is committed and the rest goes into the next one.
  private async writeChunk(chunk: Buffer): Promise<void> {
    let input = chunk;
    do {
      if (!this.copy) await this.begin();
      const framed = this.framer.frame(input, this.ctx.batchRows - this.batchRows);
      input = EMPTY;
      if (!framed.rows) return;
      if (framed.lastKey !== undefined) this.batchKey = framed.lastKey;
      this.batchRows += framed.rows;
      this.batchBytes += framed.out.length;
      this.rowsRead += framed.rows;
      this.report(this.rowsRead);
      await writeWithBackpressure(this.copy!, framed.out);
      if (this.batchRows >= this.ctx.batchRows || this.batchBytes >= BATCH_BYTES) await this.commit();
    } while (this.framer.hasCompleteRow());
  }

  private async begin(): Promise<void> {
    const { ctx } = this;
    await ctx.dest.query("BEGIN");
    const now = new Date();
    const constants = { extractedAt: now, receivedAt: now, batchedAt: now, tableVersion: 0 };
    // A staged batch gets its constant _sdc values from the staging table's defaults; a batch that goes straight
    // into the table carries every _sdc value in its rows.
    const target = this.staged ? STAGE : qualified(ctx.schema, ctx.table);
    if (this.staged) {
      await ctx.dest.query(`CREATE TEMP TABLE ${STAGE} (${columnDefinitions(ctx.destColumns, [], constants).join(", ")}) ON COMMIT DROP`);
    }
    this.framer.setValues(this.staged ? null : constants);
    const copy = ctx.dest.query(copyFrom(`COPY ${target} (${copyColumnList(ctx.destColumns, this.staged)}) FROM STDIN`));
    copy.on("error", () => {}); // surfaced through `drain`/`finished`
    this.copy = copy;
  }

  private async commit(): Promise<void> {
    const { ctx } = this;
    const copy = this.copy!;
    copy.end();
    await finished(copy);
    if (this.staged) await ctx.dest.query(mergeSql(ctx));
    await beforeCommit(ctx);
    await ctx.dest.query("COMMIT");
    this.copy = null;
    const rows = this.batchRows;
    if (!rows) return;
    const moved = this.batchKey !== undefined && this.batchKey !== this.bookmark;
    if (this.batchKey !== undefined) this.bookmark = this.batchKey;
    this.committedRows += rows;
    this.batchRows = 0;
    this.batchBytes = 0;
    this.batchKey = undefined;
    await ctx.events.committed({ tapStreamId: ctx.stream.tapStreamId, rows, bookmark: this.bookmark, batchLoadedAt: new Date() });
    if (moved) {
      const path = `bookmarks.${ctx.stream.tapStreamId}.${ctx.stream.replicationKey}`;
      ctx.events.log({ from: "main", level: "INFO", message: `State update: adding ${path} = ${JSON.stringify(this.bookmark)}` });
    }
  }
}

// Write to a COPY stream, waiting for `drain` when its buffer is full; rejects when the stream fails or closes.
function writeWithBackpressure(copy: Writable, data: Buffer): Promise<void> {
  if (copy.errored) return Promise.reject(copy.errored);
  if (copy.destroyed) return Promise.reject(new Error("the destination COPY was closed"));
  if (copy.write(data)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const done = (error?: Error | null) => {
      copy.off("drain", onDrain).off("error", done).off("close", onClose);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => done();
    const onClose = () => done(copy.errored ?? new Error("the destination COPY was closed"));
    copy.on("drain", onDrain).on("error", done).on("close", onClose);
  });
}

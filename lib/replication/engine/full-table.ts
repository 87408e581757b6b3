// FULL_TABLE: every row into a new table version, keyed after the load, then swapped in for the live table,
// all in one destination transaction: readers see the old version until the commit, never a half-loaded one.
import "server-only";
import { to as copyTo, from as copyFrom } from "pg-copy-streams";
import { SdcAppender, SdcFramer } from "./copy-lines";
import { assertBobbinTable, copyColumnList, createTableSql, dropConstantDefaultsSql } from "./destination";
import { loadTableName, qualified, quoteIdent } from "./names";
import { toSideError } from "./sessions";
import { beforeCommit, nowMicros, onSide, pipeCopy, progressReporter, sourceSelect, type StreamContext, type StreamResult } from "./stream-context";

// Load every row of a FULL_TABLE stream as a new version of its table.
export async function loadFullTable(ctx: StreamContext): Promise<StreamResult> {
  const { schema, table, stream } = ctx;
  const version = Date.now();
  const load = loadTableName(table);
  const pkey = `${load}_pkey`;
  try {
    await assertBobbinTable(ctx.dest, schema, table); // never drop a table someone else made
  } catch (error) {
    throw toSideError(error, "destination", ctx.secrets);
  }
  await onSide(ctx, "destination", `DROP TABLE IF EXISTS ${qualified(schema, load)}`); // a crashed run's leftover
  await onSide(ctx, "source", "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  await onSide(ctx, "destination", "BEGIN");
  // The version's constant _sdc values are column defaults during the load: each row carries only its sequence.
  const now = new Date();
  const constants = { extractedAt: now, receivedAt: now, batchedAt: now, tableVersion: version };
  await onSide(ctx, "destination", createTableSql(schema, load, ctx.destColumns, stream.keyProperties, undefined, constants));

  const appender = new SdcAppender(new SdcFramer(nowMicros(), null), progressReporter(ctx));
  const copyOut = ctx.source.query(copyTo(`COPY (${sourceSelect(ctx)}) TO STDOUT`));
  const copyIn = ctx.dest.query(copyFrom(`COPY ${qualified(schema, load)} (${copyColumnList(ctx.destColumns, true)}) FROM STDIN WITH (FREEZE)`));
  await pipeCopy(ctx, copyOut, [appender, copyIn]);
  await onSide(ctx, "source", "COMMIT");
  await onSide(ctx, "destination", dropConstantDefaultsSql(schema, load));

  if (stream.keyProperties.length) {
    const keys = stream.keyProperties.map(quoteIdent).join(", ");
    await onSide(ctx, "destination", `ALTER TABLE ${qualified(schema, load)} ADD CONSTRAINT ${quoteIdent(pkey)} PRIMARY KEY (${keys})`);
  }
  await onSide(ctx, "destination", `DROP TABLE IF EXISTS ${qualified(schema, table)}`);
  await onSide(ctx, "destination", `ALTER TABLE ${qualified(schema, load)} RENAME TO ${quoteIdent(table)}`);
  if (stream.keyProperties.length) {
    await onSide(ctx, "destination", `ALTER TABLE ${qualified(schema, table)} RENAME CONSTRAINT ${quoteIdent(pkey)} TO ${quoteIdent(`${table}_pkey`)}`);
  }
  await beforeCommit(ctx);
  await onSide(ctx, "destination", "COMMIT");
  ctx.events.log({ from: "target", level: "INFO", message: `Activated version ${version} of ${schema}.${table}: ${appender.rows} rows` });
  await ctx.events.committed({ tapStreamId: stream.tapStreamId, rows: appender.rows, bookmark: null, batchLoadedAt: new Date() });
  return { rows: appender.rows, bookmark: null };
}

// Destination naming rules (see docs/replication.md): quoted identifiers, the reference's length limits and reserved prefix.
import { createHash } from "node:crypto";

export const TABLE_NAME_MAX = 63;
export const COLUMN_NAME_MAX = 59;

// Quote an identifier for SQL text.
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

// Quote a string literal for SQL text (COPY (SELECT …) takes no bind parameters).
export function quoteLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

// The destination table of a stream: its stream_name, the schema separator "-" written "__" as the docs'
// `<schema>__<table>`; null when the result exceeds PostgreSQL's 63 characters (the stream is rejected).
export function destinationTableName(streamName: string): string | null {
  const name = streamName.replaceAll("-", "__");
  if (!name || Buffer.byteLength(name) > TABLE_NAME_MAX) return null;
  return name;
}

// Why a source column cannot be loaded under its own name, or null when it can.
export function columnNameProblem(name: string): string | null {
  if (!name) return "empty column name";
  if (Buffer.byteLength(name) > COLUMN_NAME_MAX) return `column name longer than ${COLUMN_NAME_MAX} characters`;
  if (/^_sdc/i.test(name) || /^_rjm/i.test(name)) return "column name uses a reserved prefix (_sdc, _rjm)";
  return null;
}

// The name of the table a FULL_TABLE run loads before it replaces the live one; short and stable per table
// so that a crashed run's leftover is found and dropped by the next run.
export function loadTableName(table: string): string {
  return `_sdc_load_${createHash("md5").update(table).digest("hex").slice(0, 12)}`;
}

// Why a destination schema may not be loaded into (PostgreSQL's own schemas, `public`, the job queue's), or null.
export function reservedSchemaProblem(schema: string): string | null {
  const s = schema.toLowerCase();
  if (s === "public" || s === "information_schema" || s === "pgboss" || s.startsWith("pg_")) {
    return `destination schema "${schema}" is reserved (public, information_schema, pg_*, pgboss): name the source differently`;
  }
  return null;
}

// "schema"."table"
export function qualified(schema: string, table: string): string {
  return `${quoteIdent(schema)}.${quoteIdent(table)}`;
}

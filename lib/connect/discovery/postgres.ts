// Connection check and discovery of a PostgreSQL source: its tables and views become streams.
import "server-only";
import pg from "pg";
import { describeFailure } from "../network/failure";
import type { TlsOptions } from "../network/tls";
import { jsonSchemaFor, type JsonSchema } from "./pg-types";

// `host` is the address to dial (resolved and allowed by lib/connect/network); `ssl` its TLS options.
export type PostgresConnection = {
  host: string;
  port: number;
  database: string;
  user: string;
  password?: string;
  ssl?: TlsOptions;
  filterSchemas: string[];
};

export type DiscoveredColumn = { name: string; sqlType: string; schema: JsonSchema | null; primaryKey: boolean };
export type DiscoveredTable = { schema: string; name: string; isView: boolean; rowCount: number | null; columns: DiscoveredColumn[] };

export type DiscoveryOutcome =
  | { ok: true; tables: DiscoveredTable[] }
  | { ok: false; stage: "check" | "discovery"; message: string };

export type Timeouts = { connectMs: number; queryMs: number };
export const DEFAULT_TIMEOUTS: Timeouts = { connectMs: 5_000, queryMs: 15_000 };

// Bounds of one discovery: tables and columns read, bytes of names kept, and one deadline for all of it.
export type CatalogLimits = { maxTables: number; maxColumns: number; maxBytes: number; deadlineMs: number };
export const DEFAULT_LIMITS: CatalogLimits = { maxTables: 5_000, maxColumns: 100_000, maxBytes: 16 * 1024 * 1024, deadlineMs: 120_000 };

class CatalogTooLarge extends Error {}

const TABLES = `
  SELECT c.oid, n.nspname AS schema, c.relname AS name, c.relkind, c.reltuples::float8 AS estimate
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relkind IN ('r', 'p', 'v', 'm')
    AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
    AND (cardinality($1::text[]) = 0 OR n.nspname = ANY($1::text[]))
    AND has_table_privilege(c.oid, 'SELECT')
  ORDER BY n.nspname, c.relname
  LIMIT $2`;

const COLUMNS = `
  SELECT a.attrelid AS oid, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS sql_type,
         t.typname, t.typcategory AS category, t.typtype = 'e' AS is_enum, a.attnotnull AS not_null,
         EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = a.attrelid AND i.indisprimary AND a.attnum = ANY(i.indkey)) AS pk
  FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
  WHERE a.attrelid = ANY($1::oid[]) AND a.attnum > 0 AND NOT a.attisdropped
  ORDER BY a.attrelid, a.attnum
  LIMIT $2`;

// Remove the password from any text that could reach a response or a log.
function scrub(message: string, password?: string): string {
  return password ? message.split(password).join("********") : message;
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

// Check that the database accepts the connection, then list every table and view the filter allows,
// within the limits (a larger catalog fails discovery with a message saying which bound it hit).
export async function discoverPostgres(
  conn: PostgresConnection,
  timeouts: Timeouts = DEFAULT_TIMEOUTS,
  limits: CatalogLimits = DEFAULT_LIMITS,
): Promise<DiscoveryOutcome> {
  const client = new pg.Client({
    host: conn.host,
    port: conn.port,
    database: conn.database,
    user: conn.user,
    password: conn.password,
    ssl: conn.ssl ?? false,
    connectionTimeoutMillis: timeouts.connectMs,
    query_timeout: timeouts.queryMs,
    statement_timeout: timeouts.queryMs,
    application_name: "bobbin-discovery",
  });
  client.on("error", () => {}); // a dropped connection surfaces through the pending query
  // One deadline over connecting and reading: when it passes, the socket is destroyed and the pending step fails.
  let expired = false;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      expired = true;
      destroy(client);
      reject(new Error("deadline"));
    }, limits.deadlineMs);
  });
  deadline.catch(() => {});
  try {
    await Promise.race([client.connect().then(() => client.query("SELECT 1")), deadline]);
  } catch (error) {
    clearTimeout(timer);
    destroy(client);
    return { ok: false, stage: "check", message: expired ? "timed out: the server did not answer in time." : describeFailure(error, conn) };
  }
  try {
    return { ok: true, tables: await Promise.race([readCatalog(client, conn.filterSchemas, limits), deadline]) };
  } catch (error) {
    if (expired) return { ok: false, stage: "discovery", message: `timed out: discovery took longer than ${Math.round(limits.deadlineMs / 1000)} seconds.` };
    return { ok: false, stage: "discovery", message: scrub((error as Error).message, conn.password) };
  } finally {
    clearTimeout(timer);
    await client.end().catch(() => {});
    destroy(client);
  }
}

// Close the client's socket whatever state it is in (end() does nothing for a client still connecting).
function destroy(client: pg.Client) {
  (client as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();
}

async function readCatalog(client: pg.Client, filterSchemas: string[], limits: CatalogLimits): Promise<DiscoveredTable[]> {
  await client.query("BEGIN READ ONLY");
  const tables = await client.query(TABLES, [filterSchemas, limits.maxTables + 1]);
  if (tables.rows.length > limits.maxTables) {
    throw new CatalogTooLarge(`The database has more than ${limits.maxTables} tables and views; narrow the discovery with filter_schemas.`);
  }
  const columns = await client.query(COLUMNS, [tables.rows.map((t) => t.oid), limits.maxColumns + 1]);
  if (columns.rows.length > limits.maxColumns) {
    throw new CatalogTooLarge(`The tables have more than ${limits.maxColumns} columns in all; narrow the discovery with filter_schemas.`);
  }
  let bytes = 0;
  const byTable = new Map<unknown, DiscoveredColumn[]>();
  for (const c of columns.rows) {
    bytes += Buffer.byteLength(c.name) + Buffer.byteLength(c.sql_type) + 64;
    const list = byTable.get(c.oid) ?? [];
    list.push({
      name: c.name as string,
      sqlType: c.sql_type as string,
      schema: jsonSchemaFor({ typname: c.typname, category: c.category, isEnum: c.is_enum, notNull: c.not_null }),
      primaryKey: Boolean(c.pk),
    });
    byTable.set(c.oid, list);
  }
  for (const t of tables.rows) bytes += Buffer.byteLength(t.schema) + Buffer.byteLength(t.name) + 64;
  if (bytes > limits.maxBytes) throw new CatalogTooLarge(`The catalog is larger than ${Math.round(limits.maxBytes / 1024 / 1024)} MiB; narrow the discovery with filter_schemas.`);
  const result: DiscoveredTable[] = [];
  for (const t of tables.rows) {
    const isView = t.relkind === "v" || t.relkind === "m";
    result.push({ schema: t.schema, name: t.name, isView, rowCount: await rowCount(client, t, isView), columns: byTable.get(t.oid) ?? [] });
  }
  await client.query("COMMIT");
  return result;
}

// The planner's estimate; a table never analyzed (estimate -1) is counted, within the query timeout.
async function rowCount(client: pg.Client, t: { schema: string; name: string; estimate: number }, isView: boolean): Promise<number | null> {
  if (t.estimate >= 0) return Math.round(t.estimate);
  if (isView) return null;
  await client.query("SAVEPOINT count_rows");
  try {
    const r = await client.query(`SELECT count(*)::float8 AS n FROM ${quoteIdent(t.schema)}.${quoteIdent(t.name)}`);
    return Math.round(r.rows[0].n);
  } catch {
    await client.query("ROLLBACK TO SAVEPOINT count_rows");
    return null;
  }
}

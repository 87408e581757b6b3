// Connection check and discovery of a PostgreSQL source: its tables and views become streams.
import pg from "pg";
import { jsonSchemaFor, type JsonSchema } from "./pg-types";

export type PostgresConnection = { host: string; port: number; database: string; user: string; password?: string; filterSchemas: string[] };

export type DiscoveredColumn = { name: string; sqlType: string; schema: JsonSchema | null; primaryKey: boolean };
export type DiscoveredTable = { schema: string; name: string; isView: boolean; rowCount: number | null; columns: DiscoveredColumn[] };

export type DiscoveryOutcome =
  | { ok: true; tables: DiscoveredTable[] }
  | { ok: false; stage: "check" | "discovery"; message: string };

export type Timeouts = { connectMs: number; queryMs: number };
export const DEFAULT_TIMEOUTS: Timeouts = { connectMs: 5_000, queryMs: 15_000 };

const TABLES = `
  SELECT c.oid, n.nspname AS schema, c.relname AS name, c.relkind, c.reltuples::float8 AS estimate
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relkind IN ('r', 'p', 'v', 'm')
    AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
    AND (cardinality($1::text[]) = 0 OR n.nspname = ANY($1::text[]))
    AND has_table_privilege(c.oid, 'SELECT')
  ORDER BY n.nspname, c.relname`;

const COLUMNS = `
  SELECT a.attrelid AS oid, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS sql_type,
         t.typname, t.typcategory AS category, t.typtype = 'e' AS is_enum, a.attnotnull AS not_null,
         EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = a.attrelid AND i.indisprimary AND a.attnum = ANY(i.indkey)) AS pk
  FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
  WHERE a.attrelid = ANY($1::oid[]) AND a.attnum > 0 AND NOT a.attisdropped
  ORDER BY a.attrelid, a.attnum`;

// Remove the password from any text that could reach a response or a log.
function scrub(message: string, password?: string): string {
  return password ? message.split(password).join("********") : message;
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

// Check that the database accepts the connection, then list every table and view the filter allows.
export async function discoverPostgres(conn: PostgresConnection, timeouts: Timeouts = DEFAULT_TIMEOUTS): Promise<DiscoveryOutcome> {
  const client = new pg.Client({
    host: conn.host,
    port: conn.port,
    database: conn.database,
    user: conn.user,
    password: conn.password,
    connectionTimeoutMillis: timeouts.connectMs,
    query_timeout: timeouts.queryMs,
    statement_timeout: timeouts.queryMs,
    application_name: "bobbin-discovery",
  });
  client.on("error", () => {}); // a dropped connection surfaces through the pending query
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    await client.end().catch(() => {});
    return { ok: false, stage: "check", message: scrub((error as Error).message || "could not connect", conn.password) };
  }
  try {
    await client.query("BEGIN READ ONLY");
    const tables = await client.query(TABLES, [conn.filterSchemas]);
    const columns = await client.query(COLUMNS, [tables.rows.map((t) => t.oid)]);
    const result: DiscoveredTable[] = [];
    for (const t of tables.rows) {
      const isView = t.relkind === "v" || t.relkind === "m";
      const cols = columns.rows.filter((c) => c.oid === t.oid).map((c) => ({
        name: c.name as string,
        sqlType: c.sql_type as string,
        schema: jsonSchemaFor({ typname: c.typname, category: c.category, isEnum: c.is_enum, notNull: c.not_null }),
        primaryKey: Boolean(c.pk),
      }));
      result.push({ schema: t.schema, name: t.name, isView, rowCount: await rowCount(client, t, isView), columns: cols });
    }
    await client.query("COMMIT");
    return { ok: true, tables: result };
  } catch (error) {
    return { ok: false, stage: "discovery", message: scrub((error as Error).message, conn.password) };
  } finally {
    await client.end().catch(() => {});
  }
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

// Destination DDL: the schema, a stream's table with its _sdc columns and "<table>_pkey", new source columns.
import "server-only";
import type pg from "pg";
import { SDC_COLUMNS } from "./column-types";
import { qualified, quoteIdent } from "./names";
import { SideError } from "./sessions";

// A destination column: its name and type.
export type DestColumn = { name: string; type: string };

// The full column list of a stream's table: its loaded columns, then the _sdc columns.
export function tableColumns(columns: DestColumn[]): DestColumn[] {
  return [...columns, ...SDC_COLUMNS.map(([name, type]) => ({ name, type }))];
}

// The constant _sdc values of a load, given to the loading table as column defaults.
export type SdcConstants = { extractedAt: Date; receivedAt: Date; batchedAt: Date; tableVersion: number };

// Column definitions of a stream's table; with `constants`, the _sdc columns other than the sequence default to them.
export function columnDefinitions(columns: DestColumn[], keys: string[], constants?: SdcConstants): string[] {
  const defaults: Record<string, string> = constants
    ? {
        _sdc_extracted_at: `'${constants.extractedAt.toISOString()}'`,
        _sdc_received_at: `'${constants.receivedAt.toISOString()}'`,
        _sdc_batched_at: `'${constants.batchedAt.toISOString()}'`,
        _sdc_table_version: String(constants.tableVersion),
      }
    : {};
  return tableColumns(columns).map(
    (c) => `${quoteIdent(c.name)} ${c.type}${keys.includes(c.name) ? " NOT NULL" : ""}${defaults[c.name] ? ` DEFAULT ${defaults[c.name]}` : ""}`,
  );
}

// CREATE TABLE text; the primary key (named `pkeyName`) is left out when `keys` is empty or no name is given.
export function createTableSql(schema: string, table: string, columns: DestColumn[], keys: string[], pkeyName?: string, constants?: SdcConstants): string {
  const defs = columnDefinitions(columns, keys, constants);
  if (keys.length && pkeyName) defs.push(`CONSTRAINT ${quoteIdent(pkeyName)} PRIMARY KEY (${keys.map(quoteIdent).join(", ")})`);
  return `CREATE TABLE ${qualified(schema, table)} (${defs.join(", ")})`;
}

// The COPY … FROM STDIN column list: the loaded columns, then all _sdc columns or only _sdc_sequence
// (when the others are the table's defaults).
export function copyColumnList(columns: DestColumn[], sequenceOnly = false): string {
  const names = sequenceOnly ? [...columns.map((c) => c.name), "_sdc_sequence"] : tableColumns(columns).map((c) => c.name);
  return names.map(quoteIdent).join(", ");
}

// Drop the defaults a loading table was given (a catalog change only).
export function dropConstantDefaultsSql(schema: string, table: string): string {
  const cols = ["_sdc_extracted_at", "_sdc_received_at", "_sdc_batched_at", "_sdc_table_version"];
  return `ALTER TABLE ${qualified(schema, table)} ${cols.map((c) => `ALTER COLUMN ${quoteIdent(c)} DROP DEFAULT`).join(", ")}`;
}

// Create the destination schema when it is missing.
export async function ensureSchema(client: pg.Client, schema: string): Promise<void> {
  const found = await client.query("SELECT 1 FROM pg_namespace WHERE nspname = $1", [schema]);
  if (found.rowCount) return;
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
  } catch (error) {
    if ((error as { code?: string }).code !== "23505") throw error; // created concurrently
  }
}

// Refuse to replace or write into an existing relation of that name that Bobbin did not create: one that is not
// a table with both _sdc_sequence and _sdc_table_version columns.
export async function assertBobbinTable(client: pg.Client, schema: string, table: string): Promise<void> {
  const r = await client.query(
    `SELECT c.relkind IN ('r', 'p') AS is_table,
       (SELECT count(*) FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
          AND a.attname IN ('_sdc_sequence', '_sdc_table_version'))::int AS sdc
     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relname = $2`,
    [schema, table],
  );
  if (r.rows.some((row) => !row.is_table || row.sdc < 2)) {
    throw new SideError("destination", `table ${schema}.${table} exists and was not created by Bobbin`);
  }
}

// The columns an existing table has (name → type), or null when the table does not exist.
export async function existingColumns(client: pg.Client, schema: string, table: string): Promise<Map<string, string> | null> {
  const r = await client.query(
    `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type
     FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = $1 AND c.relname = $2 AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped`,
    [schema, table],
  );
  if (!r.rowCount) {
    const exists = await client.query("SELECT 1 FROM pg_tables WHERE schemaname = $1 AND tablename = $2", [schema, table]);
    return exists.rowCount ? new Map() : null;
  }
  return new Map(r.rows.map((row) => [row.name as string, row.type as string]));
}

// Make an INCREMENTAL stream's table ready: create it, or add the columns it lacks (older rows keep NULL there).
// Returns the names of the columns added.
export async function prepareIncrementalTable(client: pg.Client, schema: string, table: string, columns: DestColumn[], keys: string[]): Promise<string[]> {
  await assertBobbinTable(client, schema, table);
  const existing = await existingColumns(client, schema, table);
  if (!existing) {
    await client.query(createTableSql(schema, table, columns, keys, `${table}_pkey`));
    return [];
  }
  const missing = tableColumns(columns).filter((c) => !existing.has(c.name));
  for (const c of missing) await client.query(`ALTER TABLE ${qualified(schema, table)} ADD COLUMN ${quoteIdent(c.name)} ${c.type}`);
  return missing.map((c) => c.name);
}

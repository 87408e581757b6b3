// Real PostgreSQL databases for replication tests (any runner): a source with keyed, keyless and slow tables,
// and an empty destination. Both named bobbin_src_<run>_<random> (swept by scripts/lib/test-databases.ts) and dropped by the caller.
import pg from "pg";
import { sourceDatabaseName, SOURCE_PG } from "./source-database";

export { SOURCE_PG };

async function admin(sql: string) {
  const c = new pg.Client({ ...SOURCE_PG, database: "postgres" });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

// Run statements in a database and return the last result's rows.
export async function query<T = Record<string, unknown>>(database: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ ...SOURCE_PG, database });
  await c.connect();
  try {
    return (await c.query(sql, params)).rows as T[];
  } finally {
    await c.end();
  }
}

export async function createEmptyDatabase(): Promise<string> {
  const name = sourceDatabaseName();
  await admin(`CREATE DATABASE ${name}`);
  return name;
}

// items: keyed, incremental on updated_at, with a column tests deselect; notes: no primary key;
// slow_items: a view that takes ~10 s to read, to stop a job in the middle.
export async function createReplicationSource(rows = 50): Promise<string> {
  const name = await createEmptyDatabase();
  try {
    await fill(name, rows);
  } catch (error) {
    await dropDatabase(name).catch(() => undefined);
    throw error;
  }
  return name;
}

async function fill(name: string, rows: number) {
  await query(
    name,
    `CREATE TABLE items (id serial PRIMARY KEY, name text NOT NULL, price numeric(12,4), payload jsonb, secret_note text,
       updated_at timestamptz NOT NULL DEFAULT '2026-01-01T00:00:00Z');
     INSERT INTO items (name, price, payload, secret_note, updated_at)
       SELECT 'item ' || g, g * 1.0001, CASE WHEN g % 5 = 0 THEN NULL ELSE jsonb_build_object('g', g) END, 'hidden ' || g,
              timestamptz '2026-01-01T00:00:00Z' + g * interval '1 minute'
       FROM generate_series(1, ${rows}) g;
     CREATE TABLE notes (body text, at timestamptz);
     INSERT INTO notes SELECT 'note ' || g, timestamptz '2026-01-01T00:00:00Z' + g * interval '1 hour' FROM generate_series(1, 5) g;
     CREATE FUNCTION slow_id(int) RETURNS int LANGUAGE sql AS 'SELECT pg_sleep(0.005); SELECT $1';
     CREATE VIEW slow_items AS SELECT slow_id(g) AS id FROM generate_series(1, 2000) g;`,
  );
}

export async function dropDatabase(name: string): Promise<void> {
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}

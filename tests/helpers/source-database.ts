// A real PostgreSQL database to discover, for any test runner (Vitest and Playwright): tables (one without
// a key), a view, an unsupported column type and a second schema.
import pg from "pg";
import { randomBytes } from "node:crypto";
import { sanitizeRunId } from "../../scripts/lib/test-databases";

export const SOURCE_PG = { host: "127.0.0.1", port: 5432, user: "postgres" };

// bobbin_src_<run>_<random>: scripts/test.ts drops a run's leftovers by this pattern.
export function sourceDatabaseName(): string {
  return `bobbin_src_${sanitizeRunId(process.env.TEST_RUN_ID ?? "local")}_${randomBytes(4).toString("hex")}`;
}

export async function makeSourceDatabase(): Promise<string> {
  const name = sourceDatabaseName();
  const admin = new pg.Client({ ...SOURCE_PG, database: "postgres" });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const db = new pg.Client({ ...SOURCE_PG, database: name });
  await db.connect();
  await db.query(`
    CREATE TABLE customers (id serial PRIMARY KEY, name text NOT NULL, email varchar(200), updated_at timestamptz, tags text[], location point);
    CREATE TABLE events (occurred_at timestamp, payload jsonb, amount numeric(10,2));
    CREATE TABLE order_lines (order_id int, line int, qty int NOT NULL, PRIMARY KEY (order_id, line));
    CREATE VIEW active_customers AS SELECT id, name FROM customers;
    CREATE SCHEMA sales;
    CREATE TABLE sales.deals (id bigint PRIMARY KEY, won boolean, closed_on date);
    INSERT INTO customers (name, email) SELECT 'c' || g, 'c' || g || '@x.test' FROM generate_series(1, 25) g;
  `);
  await db.end();
  return name;
}

export async function dropSourceDatabase(name: string): Promise<void> {
  const c = new pg.Client({ ...SOURCE_PG, database: "postgres" });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await c.end();
}

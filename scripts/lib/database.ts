// Database set-up shared by npm start, the test runner and CI: migrations and the demo seed.
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { databaseKind, sqliteFilePath } from "../../lib/db/url";
import { createDb } from "../../lib/db/factory";
import { seedDemoIfEmpty } from "../../prisma/seed";

// Delete a SQLite database with its WAL and journal files (a stale WAL would corrupt a new file).
export function removeSqliteFiles(file: string): void {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
}

// Apply every committed migration to the database at url (creating a SQLite file or PG database if needed).
export async function migrate(url: string): Promise<void> {
  if (databaseKind(url) === "sqlite") {
    const file = sqliteFilePath(url);
    mkdirSync(path.dirname(file), { recursive: true });
    // WAL lets readers run beside the writer (several processes on one file); it persists in the file.
    const conn = new Database(file);
    conn.pragma("journal_mode = WAL");
    conn.close();
  } else {
    await createPostgresDatabase(url);
  }
  execFileSync("npx", ["prisma", "migrate", "deploy"], {
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, DATABASE_URL: url, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
  });
}

export async function createPostgresDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
  } catch (error) {
    // Several instances starting at once: another one created it between our check and our CREATE.
    const code = (error as { code?: string }).code;
    if (code !== "42P04" && code !== "23505") throw error;
  } finally {
    await client.end();
  }
}

export async function dropPostgresDatabase(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name.replaceAll('"', '""')}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

// Seed the demo accounts into an empty database; returns whether it seeded.
// On PostgreSQL an advisory lock makes instances that start together seed once, one after the other.
export async function seedIfEmpty(url: string): Promise<boolean> {
  const lock = databaseKind(url) === "postgres" ? new pg.Client({ connectionString: url }) : undefined;
  await lock?.connect();
  const db = createDb(url);
  try {
    await lock?.query("SELECT pg_advisory_lock(hashtext('bobbin:seed'))");
    return await seedDemoIfEmpty(db);
  } finally {
    await db.$disconnect();
    await lock?.end(); // ending the session releases the lock
  }
}

// Migrations for both databases, from the one hand-edited schema (prisma/schema.prisma).
// Usage:
//   npm run db:check                      the PG schema is generated from the SQLite one and both
//                                         migration folders build exactly their schema (CI runs this)
//   npm run db:migration -- new <name>    regenerate the PG schema, write a migration for each database
// PostgreSQL is needed for both (a scratch database and Prisma's shadow database): TEST_PG_URL names
// the server (default postgresql://postgres@127.0.0.1:5432).
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { createPostgresDatabase, dropPostgresDatabase } from "./lib/database";
import { POSTGRES_SCHEMA, SQLITE_SCHEMA, isPostgresSchemaStale, writePostgresSchema } from "./lib/postgres-schema";

const PG_SERVER = (process.env.TEST_PG_URL ?? "postgresql://postgres@127.0.0.1:5432").replace(/\/+$/, "");
const RUN = `${process.env.TEST_RUN_ID ?? "local"}_${process.pid}`.toLowerCase().replace(/[^a-z0-9_]/g, "_");

type Target = { name: string; schema: string; migrations: string; url: string; setUp: () => Promise<void>; tearDown: () => Promise<void> };

const sqliteFile = path.resolve(`.tmp/db-migration/${RUN}.db`);
const pgUrl = `${PG_SERVER}/bobbin_migration_${RUN}`;

const TARGETS: Target[] = [
  {
    name: "SQLite",
    schema: SQLITE_SCHEMA,
    migrations: "prisma/migrations",
    url: `file:${sqliteFile}`,
    setUp: async () => void mkdirSync(path.dirname(sqliteFile), { recursive: true }),
    tearDown: async () => rmSync(sqliteFile, { force: true }),
  },
  {
    name: "PostgreSQL",
    schema: POSTGRES_SCHEMA,
    migrations: "prisma/postgres/migrations",
    url: pgUrl,
    setUp: async () => {
      await assertPostgresReachable();
      await createPostgresDatabase(pgUrl);
    },
    tearDown: () => dropPostgresDatabase(pgUrl).catch(() => undefined),
  },
];

async function assertPostgresReachable(): Promise<void> {
  const client = new pg.Client({ connectionString: `${PG_SERVER}/postgres`, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`PostgreSQL is not reachable at ${PG_SERVER} (${(error as Error).message}). Start it, or set TEST_PG_URL.`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

// The SQL that takes a database built from the migrations folder to the schema ("" when none).
async function pendingSql(target: Target): Promise<string> {
  await target.setUp();
  try {
    const run = spawnSync(
      "npx",
      ["prisma", "migrate", "diff", "--from-migrations", target.migrations, "--to-schema-datamodel", target.schema, "--script", "--exit-code"],
      { encoding: "utf8", env: { ...process.env, DATABASE_URL: target.url, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" } },
    );
    if (run.status === 0) return "";
    if (run.status === 2) return run.stdout.trim();
    throw new Error(`prisma migrate diff failed for ${target.name}:\n${run.stderr || run.stdout}`);
  } finally {
    await target.tearDown();
  }
}

async function check(): Promise<number> {
  const problems: string[] = [];
  if (isPostgresSchemaStale()) {
    problems.push(`${POSTGRES_SCHEMA} is stale: it is generated from ${SQLITE_SCHEMA}.`);
  }
  for (const target of TARGETS) {
    const sql = await pendingSql(target);
    if (sql) problems.push(`${target.migrations} does not build ${target.schema}; a migration is missing:\n${indent(sql)}`);
    else console.log(`${target.name}: ${target.migrations} matches ${target.schema}`);
  }
  if (problems.length === 0) return 0;
  for (const problem of problems) console.error(`\n✗ ${problem}`);
  console.error(`\nRun "npm run db:migration -- new <name>" and commit what it writes.`);
  return 1;
}

// YYYYMMDDHHMMSS (UTC, as Prisma names folders), later than every existing migration.
function nextTimestamp(): string {
  const existing = TARGETS.flatMap((t) => readdirSync(t.migrations)).map((d) => /^(\d{14})_/.exec(d)?.[1]).filter(Boolean) as string[];
  let stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const latest = existing.sort().at(-1);
  if (latest && stamp <= latest) stamp = String(BigInt(latest) + 1n);
  return stamp;
}

async function create(rawName: string | undefined): Promise<number> {
  const name = (rawName ?? "").toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "");
  if (!name) {
    console.error('Usage: npm run db:migration -- new <name>   (e.g. "add_key_expiry")');
    return 1;
  }
  if (writePostgresSchema()) console.log(`Regenerated ${POSTGRES_SCHEMA}`);
  const stamp = nextTimestamp();
  let written = 0;
  for (const target of TARGETS) {
    const sql = await pendingSql(target);
    if (!sql) {
      console.log(`${target.name}: no schema change, no migration written`);
      continue;
    }
    const file = path.join(target.migrations, `${stamp}_${name}`, "migration.sql");
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `${sql}\n`);
    console.log(`${target.name}: wrote ${file}`);
    written++;
  }
  if (written > 0) {
    execFileSync("node", ["scripts/prisma-generate.mjs"], { stdio: "inherit" });
    console.log("Review the SQL (data moves, defaults for new NOT NULL columns), then commit the schema and migrations.");
  }
  return 0;
}

async function main(): Promise<number> {
  const [command, name] = process.argv.slice(2);
  if (command === "check") return check();
  if (command === "new") return create(name);
  console.error("Usage: tsx scripts/db-migration.ts check | new <name>");
  return 1;
}

function indent(text: string): string {
  return text.replace(/^/gm, "    ");
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(error.message);
    process.exit(1);
  },
);

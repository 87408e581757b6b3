// Real source and destination PostgreSQL databases for the replication engine's tests, plans built from
// discovery (as the job runner builds them), an event recorder and a checksum of a table's rows.
import pg from "pg";
import { afterAll } from "vitest";
import { sourceDatabaseName } from "./source-database";
import { discoverPostgres } from "@/lib/connect/discovery/postgres";
import type { Committed, EngineEvents, LogLine, PgEndpoint, ReplicationMethod, StreamFailure, StreamPlan } from "@/lib/replication/engine/types";

export const PG = { host: "127.0.0.1", port: 5432, user: "postgres" };

// A new empty database, dropped after the test file (and, if the run is cut short, by scripts/test.ts's
// clean-up of the run's databases: the name carries TEST_RUN_ID).
export async function createDatabase(): Promise<PgEndpoint> {
  const database = sourceDatabaseName();
  const admin = new pg.Client({ ...PG, database: "postgres" });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  afterAll(async () => {
    const c = new pg.Client({ ...PG, database: "postgres" });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await c.end();
  });
  return { ...PG, database };
}

// Run SQL on a database and return its rows.
export async function sql<T = Record<string, unknown>>(db: PgEndpoint, text: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ ...db, ssl: false, options: "-c TimeZone=UTC" });
  await c.connect();
  try {
    return (await c.query(text, params)).rows as T[];
  } finally {
    await c.end();
  }
}

export type StreamOptions = { method?: ReplicationMethod; replicationKey?: string; bookmark?: string | null; deselect?: string[] };

// A stream plan of a source table as discovery describes it: all its columns but the deselected ones.
export async function streamPlan(db: PgEndpoint, table: string, options: StreamOptions = {}, schema = "public"): Promise<StreamPlan> {
  const found = await discoverPostgres({ ...db, filterSchemas: [schema] });
  if (!found.ok) throw new Error(found.message);
  const t = found.tables.find((x) => x.name === table);
  if (!t) throw new Error(`no table ${table}`);
  return {
    tapStreamId: `${db.database}-${schema}-${table}`,
    streamName: schema === "public" ? table : `${schema}-${table}`,
    sourceSchema: schema,
    sourceTable: table,
    columns: t.columns.filter((c) => c.schema && !options.deselect?.includes(c.name)).map((c) => ({ name: c.name, sqlType: c.sqlType, schema: c.schema! })),
    keyProperties: t.columns.filter((c) => c.primaryKey).map((c) => c.name),
    method: options.method ?? "FULL_TABLE",
    replicationKey: options.replicationKey,
    bookmark: options.bookmark ?? null,
  };
}

// Records what the engine reports; `onCommitted` lets a test act after a commit (e.g. stop the run).
export function recorder(onCommitted?: (c: Committed) => void) {
  const logs: LogLine[] = [];
  const commits: Committed[] = [];
  const failures: StreamFailure[] = [];
  const progress: number[] = [];
  const events: EngineEvents = {
    log: (line) => logs.push(line),
    progress: (_id, rows) => progress.push(rows),
    committed: async (c) => {
      commits.push(c);
      onCommitted?.(c);
    },
    streamFailed: (f) => failures.push(f),
  };
  const text = () => logs.map((l) => `${l.from} - ${l.level} ${l.message}`).join("\n");
  return { events, logs, commits, failures, progress, text };
}

// Row count and md5 of the rows' text (the given columns, ordered by `orderBy`): equal on both sides when every
// value arrived exactly.
export async function checksum(db: PgEndpoint, table: string, columns: string[], orderBy: string): Promise<{ n: number; md5: string }> {
  const cols = columns.map((c) => `"${c}"`).join(", ");
  const [row] = await sql<{ n: number; md5: string }>(
    db,
    `SELECT count(*)::int AS n, md5(coalesce(string_agg(ROW(${cols})::text, E'\\n' ORDER BY ${orderBy}), '')) AS md5 FROM ${table}`,
  );
  return row;
}

// Replication engine throughput against the floor, `psql -c "COPY (…) TO STDOUT" | psql -c "COPY … FROM STDIN"`,
// between the same two databases: a narrow and a wide table, full table into an empty destination, then an
// incremental run after updates and inserts. BENCH_ROWS scales the narrow table (default 1 000 000; wide = ÷5).
import { execFileSync, spawn } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { discoverPostgres } from "../lib/connect/discovery/postgres";
import { destinationType } from "../lib/replication/engine/column-types";
import type { EngineOutcome, PgEndpoint, ReplicationPlan, StreamPlan } from "../lib/replication/engine/types";
import type { BenchRow } from "./measure";
import { NARROW_SQL, WIDE_SQL, changeSql } from "./replication-data";

const PG = { host: process.env.BENCH_PG_HOST ?? "127.0.0.1", port: 5432, user: "postgres" };
const ROWS = Number(process.env.BENCH_ROWS) || 1_000_000;
const WIDE_ROWS = Math.round(ROWS / 5);
const CHANGES = Math.min(10_000, Math.round(ROWS / 100));

type ChildResult = { outcome: EngineOutcome; seconds: number; cpuSeconds: number; peakRssMb: number };

async function query(db: PgEndpoint, text: string, params: unknown[] = []): Promise<pg.QueryResult> {
  const c = new pg.Client({ ...db, ssl: false, options: "-c TimeZone=UTC" });
  await c.connect();
  try {
    return await c.query(text, params);
  } finally {
    await c.end();
  }
}

function runEngine(plan: ReplicationPlan): Promise<ChildResult> {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(import.meta.dirname, "replication-child.ts")], { stdio: ["pipe", "pipe", "inherit"] });
  let out = "";
  child.stdout.on("data", (d) => (out += d));
  child.stdin.end(JSON.stringify(plan));
  return new Promise((resolve, reject) =>
    child.on("exit", (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`engine child exited with ${code}`)))),
  );
}

function psql(db: PgEndpoint, command: string): string[] {
  return ["-X", "-q", "-h", db.host, "-p", String(db.port), "-U", db.user, "-d", db.database, "-c", command];
}

// The floor: one psql pipes the source's COPY text into another psql's COPY FROM STDIN; returns seconds.
function floor(src: PgEndpoint, dst: PgEndpoint, select: string, target: string): number {
  const q = (a: string[]) => a.map((x) => `'${x.replaceAll("'", "'\\''")}'`).join(" ");
  const start = performance.now();
  execFileSync("bash", ["-o", "pipefail", "-c", `psql ${q(psql(src, `COPY (${select}) TO STDOUT`))} | psql ${q(psql(dst, `COPY ${target} FROM STDIN`))}`]);
  return (performance.now() - start) / 1000;
}

function copyBytes(src: PgEndpoint, select: string): number {
  const out = execFileSync("bash", ["-o", "pipefail", "-c", `psql ${psql(src, `COPY (${select}) TO STDOUT`).map((x) => `'${x.replaceAll("'", "'\\''")}'`).join(" ")} | wc -c`]);
  return Number(String(out).trim());
}

async function streamOf(db: PgEndpoint, table: string): Promise<StreamPlan> {
  const found = await discoverPostgres({ ...db, filterSchemas: ["public"] });
  if (!found.ok) throw new Error(found.message);
  const t = found.tables.find((x) => x.name === table)!;
  return {
    tapStreamId: `${db.database}-public-${table}`, streamName: table, sourceSchema: "public", sourceTable: table,
    columns: t.columns.map((c) => ({ name: c.name, sqlType: c.sqlType, schema: c.schema! })),
    keyProperties: t.columns.filter((c) => c.primaryKey).map((c) => c.name), method: "FULL_TABLE",
  };
}

async function checksum(db: PgEndpoint, table: string, columns: string[]): Promise<string> {
  const cols = columns.map((c) => `"${c}"`).join(", ");
  const r = await query(db, `SELECT count(*) || ':' || md5(string_agg(md5(ROW(${cols})::text), '' ORDER BY id)) AS s FROM ${table}`);
  return r.rows[0].s;
}

// Full table (engine and floor), then incremental, for one table.
async function benchTable(label: string, src: PgEndpoint, dst: PgEndpoint, table: string, rows: number): Promise<BenchRow[]> {
  const stream = await streamOf(src, table);
  const cols = stream.columns.map((c) => `"${c.name}"`).join(", ");
  const select = `SELECT ${cols} FROM public.${table}`;
  const bytes = copyBytes(src, select);
  const mb = bytes / 1024 / 1024;
  const defs = stream.columns.map((c) => `"${c.name}" ${destinationType(c)}`).join(", ");
  // The floor moves the same COPY text into an equivalent empty table without any index: the fastest path;
  // the same into a table with its primary key declared is printed for comparison.
  await query(dst, `CREATE SCHEMA IF NOT EXISTS floor; CREATE TABLE floor.${table} (${defs}); CREATE TABLE floor.${table}_pk (${defs}, PRIMARY KEY (id))`);
  const floorSeconds = floor(src, dst, select, `floor.${table}`);
  const floorPkSeconds = floor(src, dst, select, `floor.${table}_pk`);
  const plan: ReplicationPlan = { source: src, destination: dst, destinationSchema: "bench", streams: [stream] };
  const full = await runEngine(plan);
  if (full.outcome.status !== "succeeded") throw new Error(`${label}: ${JSON.stringify(full.outcome)}`);
  const names = stream.columns.map((c) => c.name);
  if ((await checksum(src, `public.${table}`, names)) !== (await checksum(dst, `bench.${table}`, names))) throw new Error(`${label}: destination differs`);

  const bookmark = (await query(src, `SELECT max(updated_at)::text AS b FROM public.${table}`)).rows[0].b as string;
  await query(src, changeSql(table, rows, CHANGES));
  const inc = await runEngine({ ...plan, streams: [{ ...stream, method: "INCREMENTAL", replicationKey: "updated_at", bookmark }] });
  if (inc.outcome.status !== "succeeded") throw new Error(`${label}: ${JSON.stringify(inc.outcome)}`);
  if ((await checksum(src, `public.${table}`, names)) !== (await checksum(dst, `bench.${table}`, names))) throw new Error(`${label}: incremental differs`);

  const floorRate = rows / floorSeconds;
  const rate = rows / full.seconds;
  const incRows = inc.outcome.streams[0].rows;
  console.error(`${label}: ${rows} rows, ${mb.toFixed(1)} MB of COPY text; floor ${floorSeconds.toFixed(2)} s (into a keyed table ${floorPkSeconds.toFixed(2)} s), engine ${full.seconds.toFixed(2)} s (its process's CPU ${full.cpuSeconds.toFixed(2)} s incl. start-up; ${(rate / floorRate).toFixed(2)}×), peak RSS ${full.peakRssMb.toFixed(0)} MB; incremental ${incRows} rows in ${inc.seconds.toFixed(2)} s, peak RSS ${inc.peakRssMb.toFixed(0)} MB`);
  return [
    { bench: `replication ${label} full table`, variant: "floor: psql COPY | psql COPY", callsPerSecond: floorRate, value: `${(mb / floorSeconds).toFixed(1)} MB/s`, ratio: 1 },
    { bench: `replication ${label} full table`, variant: "psql COPY | psql COPY, keyed table", callsPerSecond: rows / floorPkSeconds, value: `${(mb / floorPkSeconds).toFixed(1)} MB/s`, ratio: floorSeconds / floorPkSeconds },
    { bench: `replication ${label} full table`, variant: "engine", callsPerSecond: rate, value: `${(mb / full.seconds).toFixed(1)} MB/s, peak RSS ${full.peakRssMb.toFixed(0)} MB`, ratio: rate / floorRate },
    { bench: `replication ${label} incremental`, variant: `engine (${CHANGES} updates + ${CHANGES} inserts)`, callsPerSecond: incRows / inc.seconds, value: `${incRows} rows in ${inc.seconds.toFixed(2)} s, peak RSS ${inc.peakRssMb.toFixed(0)} MB` },
  ];
}

// Rows per second of the engine and of the floor (a row here is a call), MB/s and peak RSS.
export async function run(): Promise<BenchRow[]> {
  const suffix = `${process.pid}`;
  const src: PgEndpoint = { ...PG, database: `bobbin_bench_src_${suffix}` };
  const dst: PgEndpoint = { ...PG, database: `bobbin_bench_dst_${suffix}` };
  const admin: PgEndpoint = { ...PG, database: "postgres" };
  for (const db of [src, dst]) await query(admin, `CREATE DATABASE ${db.database}`);
  try {
    const idle = await runEngine({ source: src, destination: dst, destinationSchema: "bench", streams: [] });
    console.error(`replication: the engine's child process with no stream peaks at ${idle.peakRssMb.toFixed(0)} MB RSS (Node + tsx)`);
    console.error(`replication: generating ${ROWS} narrow and ${WIDE_ROWS} wide rows…`);
    await query(src, NARROW_SQL(ROWS));
    await query(src, WIDE_SQL(WIDE_ROWS));
    const baseline: BenchRow = { bench: "replication", variant: "engine child, no stream (runtime only)", value: `peak RSS ${idle.peakRssMb.toFixed(0)} MB` };
    return [baseline, ...(await benchTable("narrow", src, dst, "narrow", ROWS)), ...(await benchTable("wide (30 columns)", src, dst, "wide", WIDE_ROWS))];
  } finally {
    for (const db of [src, dst]) await query(admin, `DROP DATABASE IF EXISTS ${db.database} WITH (FORCE)`);
  }
}

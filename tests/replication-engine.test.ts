// The replication engine, FULL_TABLE, against real source and destination PostgreSQL databases: rows and
// values arrive exactly, deselected columns stay behind, and a failed or stopped load leaves the old version.
import pg from "pg";
import { describe, expect, it } from "vitest";
import { runReplication } from "@/lib/replication/engine/run";
import type { ReplicationPlan, StreamPlan } from "@/lib/replication/engine/types";
import { checksum, createDatabase, recorder, sql, streamPlan } from "./helpers/replication-dbs";

const KIND_COLUMNS = ["id", "n", "r", "d", "b", "tz", "ts", "dt", "tm", "j", "jb", "arr", "iarr", "t", "v", "u", "mood"];

describe("replication engine: full table", async () => {
  const source = await createDatabase();
  const dest = await createDatabase();
  const odd = [await createDatabase(), await createDatabase()]; // for the session-settings test
  const password = "pw-" + Math.random().toString(36).slice(2);
  await sql(source, `
    CREATE TYPE mood AS ENUM ('sad', 'happy');
    CREATE TABLE kinds (id int PRIMARY KEY, n numeric, r real, d double precision, b boolean, tz timestamptz, ts timestamp,
      dt date, tm time, j json, jb jsonb, arr text[], iarr int[], t text, v varchar(20), u uuid, mood mood, secret text);
    INSERT INTO kinds VALUES
      (1, 12345678901234567890.123456789, 1.1, 0.1 + 0.2, true, '2020-06-19 15:09:38.123456+02', '2020-06-19 15:09:38.5',
       '2020-02-29', '23:59:59.999999', '{"b": 1,  "a": [1, 2.50]}', '{"x": null, "y": "é"}', '{"a,b","c\\"d",NULL,"e\\\\f"}', '{1,NULL,3}',
       E'tab\\there\\nnew line\\\\back slash \\u00e9\\u4e2d\\U0001F600', 'café', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', 'happy', 'hide-me'),
      (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
      (3, -0.000000000000000000001, 'Infinity', -1.5e-300, false, '1999-12-31 23:59:59-11:30', '0044-03-15 12:00:00 BC',
       '1970-01-01', '00:00:00', 'null', 'null', '{}', '{}', '', '\\N', NULL, 'sad', 'x');
    CREATE TABLE plain (k text, v int);
    INSERT INTO plain SELECT 'k' || g, g FROM generate_series(1, 50) g;
    CREATE TABLE wide AS SELECT g AS id, md5(g::text) AS a, g * 1.5 AS b FROM generate_series(1, 30000) g;
    ALTER TABLE wide ADD PRIMARY KEY (id);
  `);
  const plan = (streams: StreamPlan[]): ReplicationPlan => ({
    source: { ...source, password },
    destination: { ...dest, password },
    destinationSchema: "my_source",
    streams,
  });
  const kinds = await streamPlan(source, "kinds", { deselect: ["secret"] });
  const plain = await streamPlan(source, "plain");

  it("copies every selected column exactly, with the _sdc columns, a primary key and the original's log lines", async () => {
    const rec = recorder();
    const outcome = await runReplication(plan([kinds, plain]), rec.events, new AbortController().signal);
    expect(outcome).toEqual({
      status: "succeeded",
      streams: [
        { tapStreamId: kinds.tapStreamId, rows: 3, status: "succeeded" },
        { tapStreamId: plain.tapStreamId, rows: 50, status: "succeeded" },
      ],
    });
    expect(await checksum(dest, "my_source.kinds", KIND_COLUMNS, "id")).toEqual(await checksum(source, "kinds", KIND_COLUMNS, "id"));
    expect(await checksum(dest, "my_source.plain", ["k", "v"], "k")).toEqual(await checksum(source, "plain", ["k", "v"], "k"));

    const cols = await sql<{ column_name: string; data_type: string; is_nullable: string }>(dest,
      `SELECT column_name, data_type, is_nullable FROM information_schema.columns WHERE table_schema = 'my_source' AND table_name = 'kinds' ORDER BY ordinal_position`);
    const types = Object.fromEntries(cols.map((c) => [c.column_name, c.data_type]));
    expect(types).toEqual({
      id: "bigint", n: "numeric", r: "double precision", d: "double precision", b: "boolean", tz: "timestamp with time zone",
      ts: "timestamp without time zone", dt: "date", tm: "time without time zone", j: "json", jb: "jsonb", arr: "ARRAY", iarr: "ARRAY",
      t: "text", v: "text", u: "text", mood: "text",
      _sdc_extracted_at: "timestamp with time zone", _sdc_received_at: "timestamp with time zone", _sdc_batched_at: "timestamp with time zone",
      _sdc_sequence: "bigint", _sdc_table_version: "bigint",
    });
    expect(cols.find((c) => c.column_name === "id")!.is_nullable).toBe("NO");
    const [pk] = await sql(dest, `SELECT conname FROM pg_constraint WHERE conrelid = 'my_source.kinds'::regclass AND contype = 'p'`);
    expect(pk.conname).toBe("kinds_pkey");
    expect(await sql(dest, `SELECT conname FROM pg_constraint WHERE conrelid = 'my_source.plain'::regclass`)).toEqual([]);

    const rows = await sql(dest, `SELECT id, n::text, tz::text, ts::text, j::text, jb IS NULL AS jb_sql_null, jb::text AS jb, arr, t,
      _sdc_sequence::text AS seq, _sdc_table_version::text AS version, _sdc_extracted_at FROM my_source.kinds ORDER BY id`);
    expect(rows[0]).toMatchObject({ n: "12345678901234567890.123456789", tz: "2020-06-19 13:09:38.123456+00", ts: "2020-06-19 15:09:38.5",
      j: '{"b": 1,  "a": [1, 2.50]}', arr: ["a,b", 'c"d', null, "e\\f"], t: "tab\there\nnew line\\back slash é中😀" });
    expect(rows[1]).toMatchObject({ jb_sql_null: true, jb: null, t: null });
    expect(rows[2]).toMatchObject({ jb_sql_null: false, jb: "null", ts: "0044-03-15 12:00:00 BC", n: "-0.000000000000000000001", t: "" });
    for (const r of rows) expect(r.seq).toMatch(/^\d{19}$/);
    expect(BigInt(rows[0].seq as string)).toBeLessThan(BigInt(rows[1].seq as string));
    const [sdc] = await sql(dest, `SELECT count(DISTINCT (_sdc_extracted_at, _sdc_received_at, _sdc_batched_at))::int AS n,
      bool_and(_sdc_extracted_at > now() - interval '1 minute') AS recent FROM my_source.kinds`);
    expect(sdc).toEqual({ n: 1, recent: true });
    expect(await sql(dest, `SELECT column_name FROM information_schema.columns WHERE table_schema = 'my_source' AND column_default IS NOT NULL`)).toEqual([]);
    expect(new Set(rows.map((r) => r.version)).size).toBe(1);
    expect(Number(rows[0].version)).toBeGreaterThan(Date.now() - 60_000);
    expect(await sql(dest, `SELECT 1 FROM information_schema.columns WHERE table_name = 'kinds' AND column_name = 'secret'`)).toEqual([]);

    expect(rec.text()).toContain('tap - INFO replicated 3 records from "kinds" endpoint');
    expect(rec.text()).toContain('tap - INFO METRIC: {"type": "counter", "metric": "record_count", "value": 50, "tags": {"endpoint": "plain"}}');
    expect(rec.commits.map((c) => [c.tapStreamId, c.rows, c.bookmark])).toEqual([[kinds.tapStreamId, 3, null], [plain.tapStreamId, 50, null]]);
  });

  it("replaces the table with a new version each run: changes, deletes and a new column arrive", async () => {
    await sql(source, `UPDATE kinds SET t = 'changed' WHERE id = 1; DELETE FROM kinds WHERE id = 2; ALTER TABLE kinds ADD COLUMN extra int DEFAULT 7`);
    const before = await sql(dest, `SELECT DISTINCT _sdc_table_version::text AS v FROM my_source.kinds`);
    const withExtra = await streamPlan(source, "kinds", { deselect: ["secret"] });
    const outcome = await runReplication(plan([withExtra]), recorder().events, new AbortController().signal);
    expect(outcome.status).toBe("succeeded");
    const cols = [...KIND_COLUMNS, "extra"];
    expect(await checksum(dest, "my_source.kinds", cols, "id")).toEqual(await checksum(source, "kinds", cols, "id"));
    const after = await sql(dest, `SELECT DISTINCT _sdc_table_version::text AS v FROM my_source.kinds`);
    expect(BigInt(after[0].v as string)).toBeGreaterThan(BigInt(before[0].v as string));
    expect(await sql(dest, `SELECT tablename FROM pg_tables WHERE schemaname = 'my_source' ORDER BY 1`)).toEqual([{ tablename: "kinds" }, { tablename: "plain" }]);
  });

  it("a destination failure mid-load leaves the old version whole, reports the stream, and the other streams still load", async () => {
    const old = await checksum(dest, "my_source.kinds", ["id", "t", "_sdc_table_version"], "id");
    // The plan says `t` holds integers: the destination refuses the first text value in the middle of the COPY.
    const broken = await streamPlan(source, "kinds", { deselect: ["secret"] });
    broken.columns = broken.columns.map((c) => (c.name === "t" ? { ...c, schema: { type: ["null", "integer"] } } : c));
    await sql(source, `INSERT INTO plain VALUES ('k51', 51)`);
    const rec = recorder();
    const outcome = await runReplication(plan([broken, plain]), rec.events, new AbortController().signal);
    expect(outcome).toMatchObject({ status: "failed", failedStep: "target", streams: [{ status: "failed", rows: 0 }, { status: "succeeded", rows: 51 }] });
    expect(rec.failures).toEqual([expect.objectContaining({ tapStreamId: broken.tapStreamId, phase: "load", sqlState: "22P02" })]);
    expect(rec.failures[0].warehouseMessage).toContain("invalid input syntax for type bigint");
    expect(await checksum(dest, "my_source.kinds", ["id", "t", "_sdc_table_version"], "id")).toEqual(old);
    expect(await checksum(dest, "my_source.plain", ["k", "v"], "k")).toEqual(await checksum(source, "plain", ["k", "v"], "k"));
    expect(await sql(dest, `SELECT tablename FROM pg_tables WHERE tablename LIKE '_sdc_load%'`)).toEqual([]);
  });

  it("a source failure fails the tap step, and no message holds a password", async () => {
    const missing: StreamPlan = { ...plain, tapStreamId: "x-public-gone", sourceTable: password, streamName: "gone" };
    const rec = recorder();
    const outcome = await runReplication(plan([missing]), rec.events, new AbortController().signal);
    expect(outcome).toMatchObject({ status: "failed", failedStep: "tap" });
    expect(rec.failures).toEqual([expect.objectContaining({ tapStreamId: "x-public-gone", phase: "extract" })]);
    expect(rec.failures[0].message).toContain("does not exist");
    expect(JSON.stringify([outcome, rec.failures, rec.logs])).not.toContain(password);

    const unreachable = await runReplication({ ...plan([plain]), destination: { ...dest, database: `nope_${password}`, password } }, recorder().events, new AbortController().signal);
    expect(unreachable).toMatchObject({ status: "failed", failedStep: "target", streams: [{ status: "failed", rows: 0 }] });
    expect(unreachable.message).toContain("does not exist");
    expect(unreachable.message).not.toContain(password);
  });

  it("the session settings are applied whatever the databases' defaults are", async () => {
    for (const db of odd) {
      await sql(db, `ALTER DATABASE ${db.database} SET TimeZone = 'Asia/Kolkata'; ALTER DATABASE ${db.database} SET DateStyle = 'SQL, DMY';
        ALTER DATABASE ${db.database} SET extra_float_digits = 0; ALTER DATABASE ${db.database} SET IntervalStyle = 'sql_standard'`);
    }
    await sql(odd[0], `CREATE TABLE odd (id int PRIMARY KEY, tz timestamptz, dt date, d double precision);
      INSERT INTO odd VALUES (1, '2020-06-19T15:09:38.123456Z', '2020-02-01', 0.1::float8 + 0.2::float8)`);
    const stream = await streamPlan(odd[0], "odd");
    const outcome = await runReplication({ source: odd[0], destination: odd[1], destinationSchema: "odd", streams: [stream] }, recorder().events, new AbortController().signal);
    expect(outcome.status).toBe("succeeded");
    expect(await sql(odd[1], `SELECT tz = '2020-06-19T15:09:38.123456Z' AS tz, dt = DATE '2020-02-01' AS dt, d = 0.1::float8 + 0.2::float8 AS d FROM odd.odd`))
      .toEqual([{ tz: true, dt: true, d: true }]);
  });

  it("refuses reserved destination schemas and never drops or writes into a table it did not create", async () => {
    for (const schema of ["public", "information_schema", "pg_catalog", "pg_toast", "pg_whatever", "pgboss"]) {
      const rec = recorder();
      const outcome = await runReplication({ ...plan([plain]), destinationSchema: schema }, rec.events, new AbortController().signal);
      expect(outcome).toMatchObject({ status: "failed", failedStep: "target", streams: [{ status: "failed", rows: 0 }] });
      expect(rec.failures[0].message).toBe(`destination schema "${schema}" is reserved (public, information_schema, pg_*, pgboss): name the source differently`);
    }
    expect(await sql(dest, `SELECT schemaname FROM pg_tables WHERE tablename = 'plain' ORDER BY 1`)).toEqual([{ schemaname: "my_source" }]);
    expect(await sql(dest, `SELECT 1 FROM pg_namespace WHERE nspname IN ('pg_whatever', 'pgboss')`)).toEqual([]);

    // A table of the user's in the destination schema, and a view: neither replaced (FULL_TABLE) nor written into (INCREMENTAL).
    await sql(dest, `CREATE TABLE my_source.theirs (k text, v int, _sdc_sequence bigint); INSERT INTO my_source.theirs VALUES ('mine', 1, 1);
      CREATE VIEW my_source.their_view AS SELECT 1 AS k`);
    const before = await checksum(dest, "my_source.theirs", ["k", "v", "_sdc_sequence"], "k");
    const intoTheirs = { ...plain, tapStreamId: "x-public-theirs", streamName: "theirs" };
    const streams: StreamPlan[] = [intoTheirs, { ...intoTheirs, method: "INCREMENTAL", replicationKey: "v" }, { ...intoTheirs, streamName: "their_view" }];
    for (const stream of streams) {
      const rec = recorder();
      const outcome = await runReplication(plan([stream]), rec.events, new AbortController().signal);
      expect(outcome).toMatchObject({ status: "failed", failedStep: "target" });
      expect(rec.failures[0].message).toBe(`table my_source.${stream.streamName} exists and was not created by Bobbin`);
      expect(rec.commits).toEqual([]);
    }
    expect(await checksum(dest, "my_source.theirs", ["k", "v", "_sdc_sequence"], "k")).toEqual(before);
    const cols = await sql(dest, `SELECT column_name FROM information_schema.columns WHERE table_schema = 'my_source' AND table_name = 'theirs' ORDER BY ordinal_position`);
    expect(cols.map((c) => c.column_name)).toEqual(["k", "v", "_sdc_sequence"]);
    expect(await sql(dest, `SELECT * FROM my_source.their_view`)).toEqual([{ k: 1 }]);
    await sql(dest, `DROP TABLE my_source.theirs; DROP VIEW my_source.their_view`);
  });

  it("two streams that map to the same destination table: the later one fails before loading anything", async () => {
    const dashed: StreamPlan = { ...plain, tapStreamId: "x-a-b", streamName: "a-b" };
    const underscored: StreamPlan = { ...kinds, tapStreamId: "x-public-a__b", streamName: "a__b" };
    const rec = recorder();
    const outcome = await runReplication(plan([dashed, underscored]), rec.events, new AbortController().signal);
    expect(outcome).toMatchObject({ status: "failed", failedStep: "target", streams: [{ status: "succeeded" }, { status: "failed", rows: 0 }] });
    expect(rec.failures).toEqual([expect.objectContaining({ tapStreamId: "x-public-a__b", phase: "load",
      message: 'streams "a-b" and "a__b" both load into my_source.a__b: "a__b" is not loaded' })]);
    expect(await checksum(dest, "my_source.a__b", ["k", "v"], "k")).toEqual(await checksum(source, "plain", ["k", "v"], "k"));
    await sql(dest, `DROP TABLE my_source.a__b`);
  });

  it("a throwing beforeCommit rolls the new version back: the destination is unchanged and the stream fails with its message", async () => {
    await sql(source, `UPDATE plain SET v = v + 1000`);
    const old = await checksum(dest, "my_source.plain", ["k", "v", "_sdc_table_version"], "k");
    const rec = recorder();
    let calls = 0;
    rec.events.beforeCommit = async () => {
      calls++;
      throw new Error("this worker no longer owns the job");
    };
    const outcome = await runReplication(plan([plain]), rec.events, new AbortController().signal);
    expect(calls).toBe(1);
    expect(outcome).toMatchObject({ status: "failed", failedStep: "target", message: "this worker no longer owns the job", streams: [{ status: "failed", rows: 0 }] });
    expect(rec.commits).toEqual([]);
    expect(await checksum(dest, "my_source.plain", ["k", "v", "_sdc_table_version"], "k")).toEqual(old);
    expect(await sql(dest, `SELECT tablename FROM pg_tables WHERE tablename LIKE '_sdc_load%'`)).toEqual([]);

    const ok = recorder();
    ok.events.beforeCommit = async () => void calls++;
    expect((await runReplication(plan([plain]), ok.events, new AbortController().signal)).status).toBe("succeeded");
    expect(calls).toBe(2);
    expect(await checksum(dest, "my_source.plain", ["k", "v"], "k")).toEqual(await checksum(source, "plain", ["k", "v"], "k"));
  });

  it("readers see the old version during a load; a stop during a load ends within seconds, keeps it and leaves nothing behind", async () => {
    const wide = await streamPlan(source, "wide");
    expect((await runReplication(plan([wide]), recorder().events, new AbortController().signal)).status).toBe("succeeded");
    // While a new version loads, readers see the whole previous one.
    await sql(source, `INSERT INTO wide SELECT g, 'more', 0 FROM generate_series(30001, 30100) g`);
    const reader = new pg.Client({ ...dest });
    await reader.connect();
    let during: Promise<pg.QueryResult> | null = null;
    const reading = recorder();
    reading.events.progress = () => {
      during ??= reader.query(`SELECT count(*)::int AS n, count(DISTINCT _sdc_table_version)::int AS versions FROM my_source.wide`);
    };
    expect((await runReplication(plan([wide]), reading.events, new AbortController().signal)).status).toBe("succeeded");
    expect((await during!).rows).toEqual([{ n: 30_000, versions: 1 }]);
    await reader.end();
    expect((await sql(dest, `SELECT count(*)::int AS n FROM my_source.wide`))[0].n).toBe(30_100);

    const old = await checksum(dest, "my_source.wide", ["id", "a", "_sdc_table_version"], "id");
    await sql(source, `UPDATE wide SET a = 'new'`);
    const stop = new AbortController();
    let stoppedAt = 0;
    const rec = recorder();
    rec.events.progress = () => {
      if (stoppedAt) return;
      stoppedAt = Date.now();
      stop.abort();
    };
    const outcome = await runReplication(plan([wide, plain]), rec.events, stop.signal);
    expect(Date.now() - stoppedAt).toBeLessThan(15_000); // within seconds, with room for a loaded CI machine
    expect(outcome).toEqual({ status: "stopped", streams: [{ tapStreamId: wide.tapStreamId, rows: 0, status: "stopped" }, { tapStreamId: plain.tapStreamId, rows: 0, status: "stopped" }] });
    expect(await checksum(dest, "my_source.wide", ["id", "a", "_sdc_table_version"], "id")).toEqual(old);
    expect(await sql(dest, `SELECT tablename FROM pg_tables WHERE tablename LIKE '_sdc_load%'`)).toEqual([]);
    const active = await sql(dest, `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND application_name = 'bobbin-target'`, [dest.database]);
    expect(active[0].n).toBe(0);
  });
});

// The replication engine, INCREMENTAL, against real PostgreSQL databases: bookmarks, upserts without duplicates,
// append-only tables, new columns, and a stop after a committed batch followed by a clean next run.
import { describe, expect, it } from "vitest";
import { runReplication } from "@/lib/replication/engine/run";
import type { ReplicationPlan, StreamPlan } from "@/lib/replication/engine/types";
import { checksum, createDatabase, recorder, sql, streamPlan } from "./helpers/replication-dbs";

describe("replication engine: incremental", async () => {
  const source = await createDatabase();
  const dest = await createDatabase();
  await sql(source, `
    CREATE TABLE items (id int PRIMARY KEY, updated_at timestamptz, name text, note text);
    INSERT INTO items VALUES (1, '2024-01-01 10:00:00+00', 'one', 'n1'), (2, '2024-01-02 10:00:00+00', E'two\\ttabbed', 'n2'),
      (3, '2024-01-03 10:00:00.25+00', 'three', 'n3'), (4, NULL, 'no key yet', 'n4');
    CREATE TABLE events (seq int, payload jsonb);
    INSERT INTO events VALUES (1, '{"a": 1}'), (2, NULL), (3, 'null');
    CREATE TABLE big (id bigint PRIMARY KEY, v text);
    INSERT INTO big SELECT g, repeat('x', 20) || g FROM generate_series(1, 60000) g;
  `);
  const plan = (streams: StreamPlan[], batchRows?: number): ReplicationPlan => ({
    source, destination: dest, destinationSchema: "inc", streams, batchRows,
  });
  const run = async (streams: StreamPlan[], batchRows?: number, signal = new AbortController().signal) => {
    const rec = recorder();
    const outcome = await runReplication(plan(streams, batchRows), rec.events, signal);
    return { outcome, rec };
  };
  const ITEM_COLUMNS = ["id", "updated_at", "name"];

  it("first run takes every row (NULL keys too), later runs take rows from the bookmark on, upserted by key", async () => {
    const items = await streamPlan(source, "items", { method: "INCREMENTAL", replicationKey: "updated_at", deselect: ["note"] });
    const first = await run([items]);
    expect(first.outcome).toEqual({ status: "succeeded", streams: [{ tapStreamId: items.tapStreamId, rows: 4, status: "succeeded" }] });
    expect(first.rec.commits.at(-1)!.bookmark).toBe("2024-01-03 10:00:00.25+00");
    expect(first.rec.text()).toContain(`main - INFO State update: adding bookmarks.${items.tapStreamId}.updated_at = "2024-01-03 10:00:00.25+00"`);
    expect(await checksum(dest, "inc.items", ITEM_COLUMNS, "id")).toEqual(await checksum(source, "items", ITEM_COLUMNS, "id"));
    expect(await sql(dest, `SELECT 1 FROM information_schema.columns WHERE table_schema = 'inc' AND column_name = 'note'`)).toEqual([]);

    await sql(source, `UPDATE items SET name = 'two updated', updated_at = '2024-02-01 00:00:00+00' WHERE id = 2;
      INSERT INTO items VALUES (5, '2024-02-02 00:00:00+00', 'five', 'n5'); UPDATE items SET name = 'unseen' WHERE id = 4`);
    const second = await run([{ ...items, bookmark: first.rec.commits.at(-1)!.bookmark }]);
    // >= re-reads the row on the bookmark (3), then the update (2) and the insert (5); NULL keys are not read again.
    expect(second.outcome.streams[0].rows).toBe(3);
    expect(second.rec.text()).toContain(`found current bookmark for ${items.tapStreamId}:  2024-01-03 10:00:00.25+00`);
    const bookmark = second.rec.commits.at(-1)!.bookmark;
    expect(bookmark).toBe("2024-02-02 00:00:00+00");
    const rows = await sql(dest, `SELECT id, name FROM inc.items ORDER BY id`);
    expect(rows).toEqual([{ id: "1", name: "one" }, { id: "2", name: "two updated" }, { id: "3", name: "three" }, { id: "4", name: "no key yet" }, { id: "5", name: "five" }]);

    const [sdc] = await sql(dest, `SELECT bool_and(_sdc_extracted_at IS NOT NULL AND _sdc_received_at IS NOT NULL AND _sdc_batched_at IS NOT NULL) AS set,
      bool_and(_sdc_table_version = 0) AS v0, count(DISTINCT _sdc_sequence)::int AS seqs, (SELECT _sdc_sequence FROM inc.items WHERE id = 2) > (SELECT _sdc_sequence FROM inc.items WHERE id = 1) AS newer
      FROM inc.items`);
    expect(sdc).toEqual({ set: true, v0: true, seqs: 5, newer: true });

    const third = await run([{ ...items, bookmark }]);
    expect(third.outcome.streams[0].rows).toBe(1);
    expect(third.rec.text()).not.toContain("State update");
    expect((await sql(dest, `SELECT count(*)::int AS n FROM inc.items`))[0].n).toBe(5);
  });

  it("a table without a primary key is appended to", async () => {
    const events = await streamPlan(source, "events", { method: "INCREMENTAL", replicationKey: "seq" });
    expect(events.keyProperties).toEqual([]);
    const first = await run([events]);
    expect(first.outcome.status).toBe("succeeded");
    expect(await checksum(dest, "inc.events", ["seq", "payload"], "seq")).toEqual(await checksum(source, "events", ["seq", "payload"], "seq"));
    expect((await sql(dest, `SELECT payload IS NULL AS sql_null FROM inc.events WHERE seq = 2`))[0].sql_null).toBe(true);
    await sql(source, `INSERT INTO events VALUES (4, '[1]')`);
    await run([{ ...events, bookmark: first.rec.commits.at(-1)!.bookmark }]);
    const seqs = await sql(dest, `SELECT seq FROM inc.events WHERE _sdc_extracted_at IS NOT NULL AND _sdc_table_version = 0 ORDER BY seq, _sdc_sequence`);
    expect(seqs.map((r) => r.seq)).toEqual(["1", "2", "3", "3", "4"]);
  });

  it("a new source column becomes a new destination column; older rows keep NULL there", async () => {
    await sql(source, `ALTER TABLE items ADD COLUMN score numeric(6,2); INSERT INTO items VALUES (6, '2024-03-01 00:00:00+00', 'six', 'n6', 12.50)`);
    const items = await streamPlan(source, "items", { method: "INCREMENTAL", replicationKey: "updated_at", bookmark: "2024-02-02 00:00:00+00", deselect: ["note"] });
    const { outcome, rec } = await run([items]);
    expect(outcome.status).toBe("succeeded");
    expect(rec.text()).toContain('Added column "score" to inc.items');
    expect(await sql(dest, `SELECT id, score::text FROM inc.items ORDER BY id`)).toEqual([
      { id: "1", score: null }, { id: "2", score: null }, { id: "3", score: null }, { id: "4", score: null }, { id: "5", score: null }, { id: "6", score: "12.50" },
    ]);
  });

  it("a stop after the first committed batch keeps it and its bookmark; the next run completes with no duplicate and no lost row", async () => {
    const big = await streamPlan(source, "big", { method: "INCREMENTAL", replicationKey: "id" });
    const stop = new AbortController();
    let stoppedAt = 0;
    const rec = recorder(() => {
      if (stoppedAt) return;
      stoppedAt = Date.now();
      stop.abort();
    });
    const outcome = await runReplication(plan([big], 5_000), rec.events, stop.signal);
    expect(Date.now() - stoppedAt).toBeLessThan(15_000); // within seconds, with room for a loaded CI machine
    expect(outcome).toEqual({ status: "stopped", streams: [{ tapStreamId: big.tapStreamId, rows: 5_000, status: "stopped" }] });
    expect(rec.commits).toEqual([expect.objectContaining({ rows: 5_000, bookmark: "5000" })]);
    expect(await sql(dest, `SELECT count(*)::int AS n, max(id)::text AS max FROM inc.big`)).toEqual([{ n: 5_000, max: "5000" }]);

    // The row on the bookmark (5000) is read again and upserted: the batches end on 24999, 44999 and 60000.
    const next = await run([{ ...big, bookmark: "5000" }], 20_000);
    expect(next.outcome.status).toBe("succeeded");
    expect(next.rec.commits.map((c) => [c.rows, c.bookmark])).toEqual([[20_000, "24999"], [20_000, "44999"], [15_001, "60000"]]);
    expect(await checksum(dest, "inc.big", ["id", "v"], "id")).toEqual(await checksum(source, "big", ["id", "v"], "id"));
  });

  it("a text key with a tab, a backslash, a newline and a quote: the bookmark round-trips and the next run reads from it on", async () => {
    const awkward = "z\t\\\n'q";
    await sql(source, `CREATE TABLE notes (id int PRIMARY KEY, k text, body text)`);
    await sql(source, `INSERT INTO notes VALUES (1, 'a', 'one'), (2, 'm', 'two'), (3, $1, 'three')`, [awkward]);
    const notes = await streamPlan(source, "notes", { method: "INCREMENTAL", replicationKey: "k" });
    const first = await run([notes]);
    expect(first.outcome.streams[0]).toMatchObject({ rows: 3, status: "succeeded" });
    expect(first.rec.commits.at(-1)!.bookmark).toBe(awkward);
    expect(await sql(dest, `SELECT k FROM inc.notes WHERE id = 3`)).toEqual([{ k: awkward }]);

    await sql(source, `UPDATE notes SET body = 'three again' WHERE id = 3; UPDATE notes SET body = 'unseen' WHERE id = 2;
      INSERT INTO notes VALUES (4, 'b', 'below the bookmark'), (5, 'zz', 'above it')`);
    const second = await run([{ ...notes, bookmark: first.rec.commits.at(-1)!.bookmark }]);
    expect(second.outcome.streams[0]).toMatchObject({ rows: 2, status: "succeeded" });
    expect(second.rec.commits.at(-1)!.bookmark).toBe("zz");
    expect(await sql(dest, `SELECT id, body FROM inc.notes ORDER BY id`)).toEqual([
      { id: "1", body: "one" }, { id: "2", body: "two" }, { id: "3", body: "three again" }, { id: "5", body: "above it" },
    ]);
  });

  it("a column deselected later: upserted rows keep their old value there, inserted rows get NULL", async () => {
    await sql(source, `CREATE TABLE dsel (id int PRIMARY KEY, k int, a text, b text); INSERT INTO dsel VALUES (1, 1, 'a1', 'b1'), (2, 2, 'a2', 'b2')`);
    const all = await streamPlan(source, "dsel", { method: "INCREMENTAL", replicationKey: "k" });
    expect((await run([all])).outcome.status).toBe("succeeded");
    await sql(source, `UPDATE dsel SET k = 10, a = 'a1 new', b = 'b1 new' WHERE id = 1; INSERT INTO dsel VALUES (3, 11, 'a3', 'b3')`);
    const withoutB = await streamPlan(source, "dsel", { method: "INCREMENTAL", replicationKey: "k", bookmark: "2", deselect: ["b"] });
    expect((await run([withoutB])).outcome.status).toBe("succeeded");
    expect(await sql(dest, `SELECT id, a, b FROM inc.dsel ORDER BY id`)).toEqual([
      { id: "1", a: "a1 new", b: "b1" }, { id: "2", a: "a2", b: "b2" }, { id: "3", a: "a3", b: null },
    ]);
  });

  it("a throwing beforeCommit rolls the batch back: the destination and the bookmark are unchanged, the stream fails", async () => {
    await sql(source, `INSERT INTO notes VALUES (6, 'zzz', 'six')`);
    const notes = await streamPlan(source, "notes", { method: "INCREMENTAL", replicationKey: "k", bookmark: "zz" });
    const before = await checksum(dest, "inc.notes", ["id", "k", "body", "_sdc_sequence"], "id");
    const rec = recorder();
    rec.events.beforeCommit = async () => {
      throw new Error("this worker no longer owns the job");
    };
    const outcome = await runReplication(plan([notes]), rec.events, new AbortController().signal);
    expect(outcome).toMatchObject({ status: "failed", failedStep: "target", message: "this worker no longer owns the job", streams: [{ rows: 0, status: "failed" }] });
    expect(rec.commits).toEqual([]);
    expect(await checksum(dest, "inc.notes", ["id", "k", "body", "_sdc_sequence"], "id")).toEqual(before);
  });

  it("a destination failure of one batch reports the stream and keeps the batches before it", async () => {
    await sql(dest, `ALTER TABLE inc.big ADD CONSTRAINT short_v CHECK (id < 60001 OR length(v) < 5)`);
    await sql(source, `INSERT INTO big SELECT g, 'long value ' || g FROM generate_series(60001, 60010) g`);
    const big = await streamPlan(source, "big", { method: "INCREMENTAL", replicationKey: "id", bookmark: "59993" });
    const { outcome, rec } = await run([big], 8);
    expect(outcome).toMatchObject({ status: "failed", failedStep: "target", streams: [{ rows: 8, status: "failed" }] });
    expect(rec.failures).toEqual([expect.objectContaining({ phase: "load", sqlState: "23514" })]);
    expect(rec.commits.map((c) => c.bookmark)).toEqual(["60000"]);
    expect((await sql(dest, `SELECT max(id)::text AS m FROM inc.big`))[0].m).toBe("60000");
  });
});

// Replication jobs through the runner and the real engine: destination rows equal the source's, bookmarks
// persist per commit, one job per source, stop, the reaper, and what the extraction and load lists show.
import { describe, expect, it } from "vitest";
import { createSecretBox } from "@/lib/crypto/secret-box";
import { runReplication } from "@/lib/replication/engine/run";
import { claimJob, createJob, reapStaleJobs, requestStop, TERMINATED } from "@/lib/replication/jobs";
import { listExtractions, listLoads, runningProgress } from "@/lib/replication/reports";
import { runJob } from "@/lib/replication/runner";
import { freshDb } from "./helpers/db";
import { query } from "./helpers/replication-databases";
import { DEST_PASSWORD, select, setUpReplication, SOURCE_PASSWORD, type Setup } from "./helpers/replication-setup";

const box = createSecretBox("test-data-key-0123456789-0123456789-abcdef");
const by = { trigger: "api" as const, actorLabel: "API key ending abcd" };
const ITEM_COLUMNS = "id::int AS id, name, price::text, payload::text, updated_at";

describe("replication jobs", async () => {
  const { db } = await freshDb();
  const deps = { db, box, engine: runReplication };

  async function run(setup: Setup) {
    const started = await createJob(db, setup.accountId, setup.sourceId, by);
    if (!started.ok) throw new Error(started.message);
    const status = await runJob(deps, started.value.jobName);
    return { status, job: await db.replicationJob.findUniqueOrThrow({ where: { jobName: started.value.jobName } }) };
  }

  const sourceItems = (s: Setup) => query(s.sourceDb, `SELECT ${ITEM_COLUMNS} FROM items ORDER BY id`);
  const destItems = (s: Setup) => query(s.destDb, `SELECT ${ITEM_COLUMNS} FROM "${s.sourceName}".items ORDER BY id`);

  it("full table, then incremental: rows equal the source's, updates and inserts picked up, no duplicates", async () => {
    const s = await setUpReplication(db, box);
    await select(db, s, { items: { method: "FULL_TABLE", deselect: ["secret_note"] }, notes: { method: "FULL_TABLE" } });
    const first = await run(s);
    expect(first.status).toBe("succeeded");
    expect(first.job).toMatchObject({ status: "succeeded", runningSourceId: null, discoveryExitStatus: 0, tapExitStatus: 0, targetExitStatus: 0, rows: 55 });
    expect(await destItems(s)).toEqual(await sourceItems(s));
    expect(await query(s.destDb, `SELECT count(*)::int AS n FROM "${s.sourceName}".notes`)).toEqual([{ n: 5 }]);
    const columns = await query<{ column_name: string }>(s.destDb, `SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = 'items'`, [s.sourceName]);
    expect(columns.map((c) => c.column_name)).not.toContain("secret_note");
    expect(first.job.log).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}Z {3}main - INFO Starting replication job /);
    expect(first.job.log).toContain('tap - INFO replicated 50 records from "items" endpoint');
    expect(first.job.log).toMatch(/main - INFO Exit status is: Discovery succeeded\. Tap succeeded\. Target succeeded\.\n$/);
    for (const secret of [DEST_PASSWORD, SOURCE_PASSWORD]) expect(first.job.log).not.toContain(secret);

    await select(db, s, { items: { method: "INCREMENTAL", key: "updated_at", deselect: ["secret_note"] }, notes: { method: "FULL_TABLE", selected: false } });
    const second = await run(s);
    expect(second.status).toBe("succeeded");
    const bookmark = (await db.stream.findFirstOrThrow({ where: { sourceId: s.sourceId, streamName: "items" } })).bookmark;
    expect(bookmark).toMatch(/^2026-01-01 00:50:00/);
    expect(second.job.log).toContain(`State update: adding bookmarks.${s.sourceDb}-public-items.updated_at`);

    await query(s.sourceDb, `UPDATE items SET name = 'changed', updated_at = '2026-02-01T00:00:00Z' WHERE id = 7;
      INSERT INTO items (name, price, payload, updated_at) VALUES ('new', 12.5, '{"n": null}', '2026-02-02T00:00:00Z')`);
    const third = await run(s);
    expect(third.status).toBe("succeeded");
    // `>=`: the row on the bookmark comes again, plus the update and the insert.
    expect(third.job.rows).toBe(3);
    expect(await destItems(s)).toEqual(await sourceItems(s));
    const fourth = await run(s);
    expect(fourth.job.rows).toBe(1);
    expect(await query(s.destDb, `SELECT count(*)::int AS n, count(DISTINCT id)::int AS d FROM "${s.sourceName}".items`)).toEqual([{ n: 51, d: 51 }]);

    const extractions = await listExtractions(db, s.accountId, 1);
    expect(extractions.total).toBe(1);
    expect(extractions.items[0]).toMatchObject({ jobName: fourth.job.jobName, sourceId: s.sourceId, tap: { exitStatus: 0, description: null } });
    const loads = await listLoads(db, s.accountId, 1);
    expect(loads.items.map((l) => [l.sourceName, l.streamName, l.error])).toEqual([
      [s.sourceName, "items", null],
      [s.sourceName, "notes", null],
    ]);
  });

  it("changing the replication key clears the bookmark (a full re-read follows)", async () => {
    const s = await setUpReplication(db, box);
    await select(db, s, { items: { method: "INCREMENTAL", key: "updated_at" } });
    expect((await run(s)).job.rows).toBe(50);
    expect((await run(s)).job.rows).toBe(1);
    await select(db, s, { items: { method: "INCREMENTAL", key: "id" } });
    const again = await run(s);
    expect(again.job.rows).toBe(50);
    expect(again.job.log).toContain("State update: removing bookmarks.items");
    expect((await db.stream.findFirstOrThrow({ where: { sourceId: s.sourceId, streamName: "items" } })).bookmark).toBe("50");
  });

  it("admits one job per source under concurrent starts", async () => {
    const s = await setUpReplication(db, box);
    const starts = await Promise.all(Array.from({ length: 8 }, () => createJob(db, s.accountId, s.sourceId, by)));
    expect(starts.filter((r) => r.ok)).toHaveLength(1);
    for (const r of starts.filter((r) => !r.ok)) {
      expect(r).toEqual({ ok: false, code: "already_running", message: `Did not create job for client-id: ${s.accountId}; connection-id: ${s.sourceId} because one already exists` });
    }
    expect(await createJob(db, s.accountId + 1000, s.sourceId, by)).toMatchObject({ ok: false, code: "invalid_source" });
  });

  it("stops a queued job at once and a running one within seconds, keeping what was committed", async () => {
    const s = await setUpReplication(db, box);
    await select(db, s, { items: { method: "INCREMENTAL", key: "updated_at" }, slow_items: { method: "FULL_TABLE" } });
    const queued = await createJob(db, s.accountId, s.sourceId, by);
    expect(await requestStop(db, s.accountId, s.sourceId)).toBe(true);
    expect(queued.ok && (await runJob(deps, queued.value.jobName))).toBe(null);
    expect(await db.replicationJob.findFirstOrThrow({ where: { sourceId: s.sourceId } })).toMatchObject({ status: "stopped", runningSourceId: null });

    const started = await createJob(db, s.accountId, s.sourceId, by);
    if (!started.ok) throw new Error(started.message);
    const running = runJob(deps, started.value.jobName);
    // items (small) commits first; then the slow view is being read when the stop arrives.
    await waitFor(async () => (await db.stream.findFirstOrThrow({ where: { sourceId: s.sourceId, streamName: "items" } })).bookmark !== null);
    // Rows so far are readable while it runs (written with the heartbeat).
    await waitFor(async () => ((await runningProgress(db, s.accountId, s.sourceId))?.progress[`${s.sourceDb}-public-items`] ?? 0) === 50);
    expect(await runningProgress(db, s.accountId, s.sourceId)).toMatchObject({ jobName: started.value.jobName, status: "running", rows: 50 });
    const asked = Date.now();
    await requestStop(db, s.accountId, s.sourceId);
    expect(await running).toBe("stopped");
    expect(Date.now() - asked).toBeLessThan(15_000);
    const job = await db.replicationJob.findUniqueOrThrow({ where: { jobName: started.value.jobName } });
    expect(job).toMatchObject({ status: "stopped", runningSourceId: null, tapDescription: "Stopped" });
    expect(await query(s.destDb, `SELECT count(*)::int AS n FROM "${s.sourceName}".items`)).toEqual([{ n: 50 }]);
    expect((await createJob(db, s.accountId, s.sourceId, by)).ok).toBe(true);
  });

  it("reaps a job whose worker died: failed, Terminated, the source free again", async () => {
    const s = await setUpReplication(db, box);
    const started = await createJob(db, s.accountId, s.sourceId, by);
    if (!started.ok) throw new Error(started.message);
    await claimJob(db, started.value.jobName, new Date(Date.now() - 120_000));
    await db.replicationJob.update({ where: { jobName: started.value.jobName }, data: { heartbeatAt: new Date(Date.now() - 120_000) } });
    expect(await reapStaleJobs(db)).toBeGreaterThanOrEqual(1);
    const job = await db.replicationJob.findUniqueOrThrow({ where: { jobName: started.value.jobName } });
    expect(job).toMatchObject({ status: "failed", runningSourceId: null, tapExitStatus: null, tapDescription: TERMINATED, discoveryDescription: TERMINATED, targetDescription: TERMINATED });
    expect(job.log).toContain("Exit status is: Discovery was terminated. Tap was terminated. Target was terminated.");
    expect((await createJob(db, s.accountId, s.sourceId, by)).ok).toBe(true);
  });

  it("never connects directly to a source set to use an SSH tunnel: the job fails with the reason, nothing is loaded", async () => {
    const s = await setUpReplication(db, box);
    await select(db, s, { items: { method: "FULL_TABLE" } });
    const row = await db.source.findUniqueOrThrow({ where: { id: s.sourceId } });
    await db.source.update({ where: { id: s.sourceId }, data: { properties: JSON.stringify({ ...JSON.parse(row.properties), ssh: "true" }) } });
    const { status, job } = await run(s);
    expect(status).toBe("failed");
    expect(job.log).toContain("SSH tunnels are not available yet");
    expect(await query(s.destDb, `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = $1`, [s.sourceName])).toEqual([{ n: 0 }]);
  });
});


async function waitFor(check: () => Promise<boolean>, timeoutMs = 20_000) {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 100));
  }
}

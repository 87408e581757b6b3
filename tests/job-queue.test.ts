// The queue contract on this database's engine (in-process on SQLite, pg-boss on PostgreSQL): workers take
// queued jobs and run each once; stopping a worker ends its running job recorded, with the source free again.
import { describe, expect, it } from "vitest";
import { createSecretBox } from "@/lib/crypto/secret-box";
import { localQueue } from "@/lib/jobs/local-queue";
import { pgBossQueue } from "@/lib/jobs/pg-boss-queue";
import type { JobQueue } from "@/lib/jobs/queue";
import { startWorker } from "@/lib/jobs/worker";
import { runReplication } from "@/lib/replication/engine/run";
import { createJob } from "@/lib/replication/jobs";
import { startSync } from "@/lib/replication/sync";
import { freshDb } from "./helpers/db";
import { query } from "./helpers/replication-databases";
import { select, setUpReplication } from "./helpers/replication-setup";
import { testDatabaseKind } from "./helpers/test-db-urls";

const box = createSecretBox("test-data-key-0123456789-0123456789-abcdef");

describe(`job queue (${testDatabaseKind() === "postgres" ? "pg-boss" : "in-process"})`, async () => {
  const { db, url } = await freshDb();
  const deps = { db, box, engine: runReplication };
  const newQueue = (): JobQueue => (testDatabaseKind() === "postgres" ? pgBossQueue(url) : localQueue(db, 200));

  const statusOf = async (jobName: string) => (await db.replicationJob.findUniqueOrThrow({ where: { jobName } })).status;

  it("two workers share the queue and run every job exactly once", async () => {
    const setups = await Promise.all([setUpReplication(db, box), setUpReplication(db, box), setUpReplication(db, box)]);
    for (const s of setups) await select(db, s, { items: { method: "INCREMENTAL", key: "updated_at" } });
    const sender = newQueue();
    const workers = [await startWorker(deps, newQueue(), { concurrency: 1 }), await startWorker(deps, newQueue(), { concurrency: 1 })];
    try {
      const actor = { type: "member" as const, userId: setups[0].userId, email: "member@example.test" };
      const names: string[] = [];
      for (const s of setups) {
        const started = await startSync(db, sender, s.accountId, s.sourceId, { ...actor, userId: s.userId });
        if (!started.ok) throw new Error(started.message);
        names.push(started.value.jobName);
      }
      await waitFor(async () => (await Promise.all(names.map(statusOf))).every((st) => st === "succeeded"));
      for (const s of setups) {
        expect(await query(s.destDb, `SELECT count(*)::int AS n FROM "${s.sourceName}".items`)).toEqual([{ n: 50 }]);
        const events = await db.auditEvent.findMany({ where: { accountId: s.accountId, action: "job.started" } });
        expect(events).toHaveLength(1);
        expect(events[0].actorLabel).toBe("member@example.test");
      }
      // Each ran once: one "Starting" line per job.
      for (const name of names) {
        const log = (await db.replicationJob.findUniqueOrThrow({ where: { jobName: name } })).log;
        expect(log.match(/Starting replication job/g)).toHaveLength(1);
      }
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
      await sender.stop();
    }
  });

  it("a job left queued (its announcement lost) is announced again by a worker's reaper and runs once", async () => {
    const s = await setUpReplication(db, box);
    await select(db, s, { items: { method: "FULL_TABLE" } });
    const created = await createJob(db, s.accountId, s.sourceId, { trigger: "api", actorLabel: "test" });
    if (!created.ok) throw new Error(created.message);
    await db.replicationJob.update({ where: { jobName: created.value.jobName }, data: { createdAt: new Date(Date.now() - 10 * 60_000) } });
    const worker = await startWorker(deps, newQueue(), { concurrency: 1 });
    try {
      await waitFor(async () => (await statusOf(created.value.jobName)) === "succeeded");
      expect(await query(s.destDb, `SELECT count(*)::int AS n FROM "${s.sourceName}".items`)).toEqual([{ n: 50 }]);
    } finally {
      await worker.stop();
    }
  });

  it("a worker stopping (SIGTERM) ends its running job as interrupted and frees the source", async () => {
    const s = await setUpReplication(db, box);
    await select(db, s, { slow_items: { method: "FULL_TABLE" } });
    const queue = newQueue();
    const worker = await startWorker(deps, queue, { concurrency: 1 });
    const started = await startSync(db, queue, s.accountId, s.sourceId, { type: "member", userId: s.userId, email: "m@example.test" });
    if (!started.ok) throw new Error(started.message);
    await waitFor(async () => (await statusOf(started.value.jobName)) === "running");
    await worker.stop();
    const job = await db.replicationJob.findUniqueOrThrow({ where: { jobName: started.value.jobName } });
    expect(job).toMatchObject({ status: "failed", runningSourceId: null, tapExitStatus: 1, tapDescription: "Interrupted: the worker shut down.", targetExitStatus: null });
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 25_000) {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 150));
  }
}

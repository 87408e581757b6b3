// A job's time limits through the runner and the real engine: a long job that keeps beating is never reaped
// (heartbeats and the reaper use the database's clock), and one running past JOB_MAX_DURATION_MS is terminated.
import { afterEach, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  // Beats every 600 ms; the slow view takes ~10 s to read: more than three stale periods.
  process.env.JOB_STALE_AFTER_MS = "3000";
});

import { createSecretBox } from "@/lib/crypto/secret-box";
import { runReplication } from "@/lib/replication/engine/run";
import { createJob, HEARTBEAT_MS, reapStaleJobs, STALE_AFTER_MS, TERMINATED } from "@/lib/replication/jobs";
import { runJob } from "@/lib/replication/runner";
import { freshDb } from "./helpers/db";
import { query } from "./helpers/replication-databases";
import { select, setUpReplication } from "./helpers/replication-setup";

const box = createSecretBox("test-data-key-0123456789-0123456789-abcdef");
const by = { trigger: "api" as const, actorLabel: "API key ending abcd" };

describe("replication job limits", async () => {
  const { db } = await freshDb();
  const deps = { db, box, engine: runReplication };
  afterEach(() => vi.unstubAllEnvs());

  it("never reaps a long job that keeps beating, while a reaper runs all along", { timeout: 60_000 }, async () => {
    expect([STALE_AFTER_MS, HEARTBEAT_MS]).toEqual([3_000, 600]);
    const s = await setUpReplication(db, box);
    await select(db, s, { items: { method: "FULL_TABLE" }, slow_items: { method: "FULL_TABLE" } });
    const started = await createJob(db, s.accountId, s.sourceId, by);
    if (!started.ok) throw new Error(started.message);
    let reaped = 0;
    let running = true;
    const reaper = (async () => {
      while (running) {
        reaped += await reapStaleJobs(db);
        await new Promise((r) => setTimeout(r, 200));
      }
    })();
    const status = await runJob(deps, started.value.jobName);
    running = false;
    await reaper;
    const job = await db.replicationJob.findUniqueOrThrow({ where: { jobName: started.value.jobName } });
    expect(job.completedAt!.getTime() - job.startedAt!.getTime()).toBeGreaterThan(2 * STALE_AFTER_MS);
    expect({ status, reaped, tap: job.tapExitStatus, target: job.targetExitStatus }).toEqual({ status: "succeeded", reaped: 0, tap: 0, target: 0 });
    expect(await query(s.destDb, `SELECT count(*)::int AS n FROM "${s.sourceName}".slow_items`)).toEqual([{ n: 2000 }]);
  });

  it("terminates a job past JOB_MAX_DURATION_MS: failed, Terminated, what was committed stays", { timeout: 60_000 }, async () => {
    vi.stubEnv("JOB_MAX_DURATION_MS", "2500");
    const s = await setUpReplication(db, box);
    await select(db, s, { items: { method: "INCREMENTAL", key: "updated_at" }, slow_items: { method: "FULL_TABLE" } });
    const started = await createJob(db, s.accountId, s.sourceId, by);
    if (!started.ok) throw new Error(started.message);
    expect(await runJob(deps, started.value.jobName)).toBe("failed");
    const job = await db.replicationJob.findUniqueOrThrow({ where: { jobName: started.value.jobName } });
    expect(job).toMatchObject({
      status: "failed",
      runningSourceId: null,
      discoveryExitStatus: null,
      tapExitStatus: null,
      targetExitStatus: null,
      discoveryDescription: TERMINATED,
      tapDescription: TERMINATED,
      targetDescription: TERMINATED,
    });
    expect(job.log).toContain("Exit status is: Discovery was terminated. Tap was terminated. Target was terminated.");
    expect(await query(s.destDb, `SELECT count(*)::int AS n FROM "${s.sourceName}".items`)).toEqual([{ n: 50 }]);
    expect((await db.stream.findFirstOrThrow({ where: { sourceId: s.sourceId, streamName: "items" } })).bookmark).not.toBeNull();
  });
});

// The scheduler across processes: two standalone workers (npm run worker, scheduler on, a 200 ms tick) on one
// PostgreSQL database. A due slot starts exactly one job however many ticks race for it, the slot moves on to the
// next one, and a new due slot starts one more.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSecretBox } from "@/lib/crypto/secret-box";
import { SECRET_NAMES } from "@/lib/secrets";
import { freshDb } from "../helpers/db";
import { select, setUpReplication, type Setup } from "../helpers/replication-setup";

const TICK_MS = "200";

describe("the scheduler with two workers", async () => {
  const { db, url } = await freshDb();
  const secrets = Object.fromEntries(SECRET_NAMES.map((n) => [n, randomBytes(48).toString("base64url")]));
  const box = createSecretBox(secrets.DATA_ENCRYPTION_KEY);
  const workers: ChildProcess[] = [];
  beforeAll(async () => {
    // One after the other (each sets up its queue), then both tick together.
    await startWorker("A");
    await startWorker("B");
  }, 120_000);
  afterAll(async () => {
    await Promise.all(workers.map(stop));
  });

  function startWorker(name: string): Promise<ChildProcess> {
    // SCHEDULER unset: every worker runs the scheduler.
    const env: NodeJS.ProcessEnv = { ...process.env, ...secrets, DATABASE_URL: url, SCHEDULER: "", SCHEDULER_TICK_MS: TICK_MS, WORKER_CONCURRENCY: "2" };
    const child = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "scripts/worker.ts"], { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    workers.push(child);
    let out = "";
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`worker ${name} did not start:\n${out}`)), 60_000);
      const onData = (chunk: Buffer) => {
        out += chunk.toString();
        if (process.env.DEBUG_INSTANCES) process.stderr.write(`[${name}] ${chunk}`);
        if (out.includes("worker: ready")) {
          clearTimeout(timer);
          resolve(child);
        }
      };
      child.stdout!.on("data", onData);
      child.stderr!.on("data", onData);
    });
  }

  const jobsOf = (s: Setup) => db.replicationJob.findMany({ where: { sourceId: s.sourceId }, orderBy: { id: "asc" } });

  // Wait until the source has `count` jobs, all finished, then a few more ticks for any duplicate to show.
  async function settled(s: Setup, count: number) {
    const until = Date.now() + 20_000;
    for (;;) {
      const jobs = await jobsOf(s);
      if (jobs.length >= count && jobs.every((j) => j.completedAt !== null)) break;
      if (Date.now() > until) throw new Error(`jobs of source ${s.sourceId}: ${JSON.stringify(jobs.map((j) => j.status))}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    await new Promise((r) => setTimeout(r, 10 * Number(TICK_MS)));
    return jobsOf(s);
  }

  it("a due slot starts one job across both workers; the next slot one more", async () => {
    const sources = [await setUpReplication(db, box), await setUpReplication(db, box)];
    for (const s of sources) await select(db, s, { items: { method: "FULL_TABLE" } });
    // Both workers are ticking: make every source due at once (default schedule: every 30 minutes).
    const due = new Date(Date.now() - 1_000);
    await db.source.updateMany({ where: { id: { in: sources.map((s) => s.sourceId) } }, data: { nextFireAt: due } });

    for (const s of sources) {
      const jobs = await settled(s, 1);
      expect(jobs.map((j) => [j.trigger, j.status])).toEqual([["schedule", "succeeded"]]);
      const source = await db.source.findUniqueOrThrow({ where: { id: s.sourceId } });
      // The slot moved on to the next one, about 30 minutes later.
      expect(source.nextFireAt!.getTime()).toBeGreaterThan(Date.now() + 25 * 60_000);
    }
    const started = await db.auditEvent.count({ where: { action: "job.started", actorLabel: "Schedule" } });
    expect(started).toBe(2);

    // The next slot comes due: exactly one more job.
    const [first] = sources;
    await db.source.update({ where: { id: first.sourceId }, data: { nextFireAt: new Date(Date.now() - 1_000) } });
    expect((await settled(first, 2)).map((j) => j.trigger)).toEqual(["schedule", "schedule"]);
  }, 60_000);
});

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    if (child.pid) process.kill(-child.pid, "SIGTERM");
  } catch {
    return Promise.resolve();
  }
  const timer = setTimeout(() => {
    try {
      if (child.pid) process.kill(-child.pid, "SIGKILL");
    } catch {
      /* gone */
    }
  }, 5_000);
  return exited.finally(() => clearTimeout(timer));
}

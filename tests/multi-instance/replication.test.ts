// Replication across processes on one PostgreSQL database: two API instances (WORKERS=0) and standalone
// workers (npm run worker). Two starts on two instances admit one job; a worker killed with -9 mid-job
// leaves the job reported failed and the next run clean (no duplicate, no lost row).
import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/api-keys/service";
import { createSecretBox } from "@/lib/crypto/secret-box";
import { freshDb } from "../helpers/db";
import { startInstances, type Cluster, type Instance } from "../helpers/instances";
import { query } from "../helpers/replication-databases";
import { select, setUpReplication } from "../helpers/replication-setup";

const STALE_MS = "15000";

describe("replication jobs across instances and workers", async () => {
  const { db, url } = await freshDb();
  let cluster: Cluster;
  const workers = new Set<ChildProcess>();
  beforeAll(async () => {
    cluster = await startInstances({ databaseUrl: url, count: 2, env: { WORKERS: "0", JOB_STALE_AFTER_MS: STALE_MS } });
  }, 300_000);
  afterAll(async () => {
    for (const w of workers) kill(w, "SIGKILL");
    await cluster?.stop();
  });

  function startWorker(): Promise<ChildProcess> {
    const env = { ...process.env, ...cluster.secrets, DATABASE_URL: url, JOB_STALE_AFTER_MS: STALE_MS, WORKER_CONCURRENCY: "1" };
    const child = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/worker.ts"], { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    workers.add(child);
    let out = "";
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`worker did not start:\n${out}`)), 60_000);
      const onData = (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes("worker: ready")) {
          clearTimeout(timer);
          resolve(child);
        }
      };
      child.stdout!.on("data", onData);
      child.stderr!.on("data", onData);
    });
  }

  async function account() {
    const box = createSecretBox(cluster.secrets.DATA_ENCRYPTION_KEY);
    const s = await setUpReplication(db, box);
    const key = await createApiKey(db, { workspaceId: s.workspaceId, userId: s.userId }, "jobs", cluster.secrets.API_KEY_HMAC_SECRET);
    if (!key.ok) throw new Error(key.message);
    const call = (instance: Instance, method: string, path: string) =>
      fetch(`${instance.url}${path}`, { method, headers: { Authorization: `Bearer ${key.value.plaintext}`, "X-Forwarded-For": "10.77.0.1" } });
    return { s, call };
  }

  async function extraction(call: (i: Instance, m: string, p: string) => Promise<Response>, clientId: number, jobName: string) {
    const until = Date.now() + 120_000;
    while (Date.now() < until) {
      const body = await (await call(cluster.instances[1], "GET", `/v4/${clientId}/extractions`)).json();
      const found = body.data.find((e: { job_name: string }) => e.job_name === jobName);
      if (found) return found;
      await new Promise((r) => setTimeout(r, 300));
    }
    throw new Error(`extraction ${jobName} never completed`);
  }

  it("two starts at once on two instances: one job, one already_running", async () => {
    const { s, call } = await account();
    await select(db, s, { items: { method: "FULL_TABLE" } });
    const [a, b] = await Promise.all(cluster.instances.map((i) => call(i, "POST", `/v4/sources/${s.sourceId}/sync`)));
    const answers = await Promise.all([a.json(), b.json()]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(answers.filter((x) => x.job_name)).toHaveLength(1);
    expect(answers.filter((x) => x.error?.type === "already_running")).toHaveLength(1);
    expect(await db.replicationJob.count({ where: { sourceId: s.sourceId } })).toBe(1);
    await startWorker();
    const done = await extraction(call, s.workspaceId, answers.find((x) => x.job_name).job_name);
    expect(done.tap_exit_status).toBe(0);
    expect(await query(s.destDb, `SELECT count(*)::int AS n FROM "${s.sourceName}".items`)).toEqual([{ n: 50 }]);
  }, 300_000);

  it("kill -9 of a worker mid-job: the job is reported failed, the next run is clean", async () => {
    for (const w of workers) kill(w, "SIGKILL");
    workers.clear();
    const { s, call } = await account();
    await select(db, s, { items: { method: "INCREMENTAL", key: "updated_at" }, slow_items: { method: "FULL_TABLE" } });
    const victim = await startWorker();
    const started = await (await call(cluster.instances[0], "POST", `/v4/sources/${s.sourceId}/sync`)).json();
    // items commits first, then the slow view is being read: kill there.
    const until = Date.now() + 30_000;
    while ((await db.stream.findFirstOrThrow({ where: { sourceId: s.sourceId, streamName: "items" } })).bookmark === null) {
      if (Date.now() > until) throw new Error("items never committed");
      await new Promise((r) => setTimeout(r, 100));
    }
    kill(victim, "SIGKILL");
    await query(s.sourceDb, "UPDATE items SET name = 'after crash', updated_at = '2026-03-01T00:00:00Z' WHERE id = 9; INSERT INTO items (name, updated_at) VALUES ('late', '2026-03-02T00:00:00Z')");

    // Another worker's reaper reports the job failed once its heartbeat is stale.
    await startWorker();
    const failed = await extraction(call, s.workspaceId, started.job_name);
    expect(failed).toMatchObject({ tap_exit_status: null, tap_description: "Terminated", target_description: "Terminated" });

    await select(db, s, { items: { method: "INCREMENTAL", key: "updated_at" }, slow_items: { method: "FULL_TABLE", selected: false } });
    const next = await (await call(cluster.instances[1], "POST", `/v4/sources/${s.sourceId}/sync`)).json();
    expect(next.job_name).toBeTruthy();
    expect((await extraction(call, s.workspaceId, next.job_name)).tap_exit_status).toBe(0);
    const cols = "id::int AS id, name, price::text AS price, payload::text AS payload, updated_at";
    expect(await query(s.destDb, `SELECT ${cols} FROM "${s.sourceName}".items ORDER BY id`)).toEqual(await query(s.sourceDb, `SELECT ${cols} FROM items ORDER BY id`));
    expect(await query(s.destDb, `SELECT count(*)::int AS n, count(DISTINCT id)::int AS d FROM "${s.sourceName}".items`)).toEqual([{ n: 51, d: 51 }]);
  }, 300_000);
});

function kill(child: ChildProcess, signal: NodeJS.Signals) {
  try {
    if (child.pid) process.kill(-child.pid, signal);
  } catch {
    /* gone */
  }
}

// Post-load hooks wired to real replication: after a job loads tables into the destination, each enabled hook on it
// receives one signed JSON POST per loaded table (source, table, rows), retried after a 500, in the background:
// the job's status never waits for a hook nor depends on it.
import { createHmac } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/api-keys/service";
import { createSecretBox } from "@/lib/crypto/secret-box";
import { localQueue } from "@/lib/jobs/local-queue";
import { pgBossQueue } from "@/lib/jobs/pg-boss-queue";
import { startWorker } from "@/lib/jobs/worker";
import { DELIVERY_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER } from "@/lib/notifications/deliver";
import { createHook, listHookDeliveries, setHookEnabled } from "@/lib/notifications/hooks";
import { runReplication } from "@/lib/replication/engine/run";
import { createJob } from "@/lib/replication/jobs";
import { settlePostLoadHooks } from "@/lib/replication/post-load";
import { runJob } from "@/lib/replication/runner";
import { freshDb } from "./helpers/db";
import { query } from "./helpers/replication-databases";
import { select, setUpReplication, type Setup } from "./helpers/replication-setup";
import { testDatabaseKind } from "./helpers/test-db-urls";

const box = createSecretBox("test-data-key-0123456789-0123456789-abcdef");
const ALLOW = { ALLOW_PRIVATE_HOSTS: "1" };
const by = { trigger: "api" as const, actorLabel: "API key ending abcd" };

type Received = { headers: IncomingHttpHeaders; body: string };

// A hook receiver on 127.0.0.1 answering the given statuses in turn (then 200).
async function receiver(statuses: number[]) {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    let body = "";
    request.on("data", (c) => (body += c));
    request.on("end", () => {
      received.push({ headers: request.headers, body });
      response.statusCode = statuses.shift() ?? 200;
      response.end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, received };
}

// A receiver that holds every request unanswered until release() (a hook that is down or very slow).
async function stalledReceiver() {
  const held: ServerResponse[] = [];
  const server = createServer((request, response) => {
    request.resume();
    held.push(response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const release = () => held.splice(0).forEach((r) => r.end("ok"));
  afterAll(() => {
    release();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, held, release };
}

describe("post-load hooks after a replication job", async () => {
  const { db, url } = await freshDb();
  const deps = { db, box, engine: runReplication, hooks: { backoffMs: [200, 200], env: ALLOW } };

  async function hookOn(s: Setup, url: string) {
    const made = await createApiKey(db, { workspaceId: s.workspaceId, userId: s.userId }, "hooks", "pepper-for-tests-0123456789");
    if (!made.ok) throw new Error("no key");
    const key = { keyId: made.value.key.id, workspaceId: s.workspaceId, userId: s.userId };
    const destination = await db.destination.findFirstOrThrow({ where: { workspaceId: s.workspaceId } });
    const created = await createHook({ db, box }, key, { type: "post_load", destination_id: destination.id, config: { url } }, ALLOW);
    if (!created.ok) throw new Error(created.message);
    return { key, destinationId: destination.id, hook: created.value };
  }

  async function run(s: Setup) {
    const started = await createJob(db, s.workspaceId, s.sourceId, by);
    if (!started.ok) throw new Error(started.message);
    return { jobName: started.jobName, status: await runJob(deps, started.jobName) };
  }

  it("one signed POST per loaded table naming source, table and rows; a 500 is retried; the log shows it", async () => {
    const s = await setUpReplication(db, box);
    await select(db, s, { items: { method: "FULL_TABLE", deselect: ["secret_note"] }, notes: { method: "FULL_TABLE" } });
    const server = await receiver([500]);
    const { key, destinationId, hook } = await hookOn(s, server.url);
    const silent = await receiver([]);
    const off = await hookOn(s, silent.url);
    await setHookEnabled(db, off.key, off.hook.id, false);

    const { jobName, status } = await run(s);
    // The job's status is final when the runner returns (deliveries go on in the background; see the last test).
    expect(status).toBe("succeeded");
    expect((await db.replicationJob.findUniqueOrThrow({ where: { jobName } })).status).toBe("succeeded");
    await settlePostLoadHooks();

    // Two tables, three requests: the first answered 500 and was sent again.
    expect(server.received).toHaveLength(3);
    const bodies = server.received.map((r) => JSON.parse(r.body));
    for (const { headers, body } of server.received) {
      const timestamp = String(headers[TIMESTAMP_HEADER.toLowerCase()]);
      const expected = `sha256=${createHmac("sha256", hook.secret).update(`${timestamp}.${body}`).digest("hex")}`;
      expect(headers[SIGNATURE_HEADER.toLowerCase()]).toBe(expected);
      expect(headers["content-type"]).toBe("application/json");
    }
    const common = { type: "post_load", client_id: s.workspaceId, job_name: jobName, source_id: s.sourceId, source_name: s.sourceName, destination_id: destinationId };
    const byTable = (table: string) => bodies.filter((b) => b.table_name === table);
    expect(byTable("items")[0]).toMatchObject({ ...common, table_name: "items", tap_stream_id: `${s.sourceDb}-public-items`, replication_method: "FULL_TABLE", row_count: 50 });
    expect(byTable("notes")[0]).toMatchObject({ ...common, table_name: "notes", row_count: 5 });
    expect(byTable("items")[0].last_batch_loaded_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(await query(s.destDb, `SELECT count(*)::int AS n FROM "${s.sourceName}".items`)).toEqual([{ n: 50 }]);
    // The retried table's two attempts share a delivery id; the other table has its own.
    const deliveryIds = server.received.map((r) => String(r.headers[DELIVERY_HEADER.toLowerCase()]));
    expect(new Set(deliveryIds).size).toBe(2);
    const retried = bodies[0].table_name;
    expect(byTable(retried)).toHaveLength(2);

    const log = (await listHookDeliveries(db, key.workspaceId, hook.id))!.data;
    expect(log.map((d) => [d.attempt, d.outcome, d.response_status]).sort()).toEqual([
      [1, "failed", 500],
      [1, "succeeded", 200],
      [2, "succeeded", 200],
    ]);
    expect(log.find((d) => d.outcome === "failed")!.delivery_id).toBe(deliveryIds[0]);
    // A disabled hook on the same destination is not called.
    expect(silent.received).toHaveLength(0);
  }, 120_000);

  it("a hook that keeps failing leaves the job succeeded; a table whose load failed gets no notification", async () => {
    const s = await setUpReplication(db, box);
    await select(db, s, { items: { method: "FULL_TABLE", deselect: ["secret_note"] }, notes: { method: "FULL_TABLE" } });
    const server = await receiver([503, 503, 503, 503, 503, 503]);
    const { key, hook } = await hookOn(s, server.url);
    const { status } = await run(s);
    expect(status).toBe("succeeded");
    await settlePostLoadHooks();
    const log = (await listHookDeliveries(db, key.workspaceId, hook.id))!.data;
    expect(log.filter((d) => d.outcome === "abandoned")).toHaveLength(2);

    // Break the notes table's load (a view in its place in the destination): items is announced, notes is not.
    await query(s.destDb, `DROP TABLE "${s.sourceName}".notes; CREATE VIEW "${s.sourceName}".notes AS SELECT 1 AS id`);
    const before = server.received.length;
    const second = await run(s);
    expect(second.status).toBe("failed");
    await settlePostLoadHooks();
    const tables = server.received.slice(before).map((r) => JSON.parse(r.body).table_name);
    expect(tables).toEqual(["items"]);
  }, 120_000);

  it("a worker takes its next job while the previous job's hook still has not answered", async () => {
    const stalled = await stalledReceiver();
    const setups = [await setUpReplication(db, box), await setUpReplication(db, box)];
    const hooks = [];
    for (const s of setups) {
      await select(db, s, { items: { method: "FULL_TABLE" } });
      hooks.push(await hookOn(s, stalled.url));
    }
    const queue = testDatabaseKind() === "postgres" ? pgBossQueue(url) : localQueue(db, 200);
    const worker = await startWorker({ ...deps, hooks: { timeoutMs: 60_000, backoffMs: [], env: ALLOW } }, queue, { concurrency: 1, scheduler: false });
    const statusOf = async (jobName: string) => (await db.replicationJob.findUniqueOrThrow({ where: { jobName } })).status;
    try {
      for (const s of setups) {
        const started = await createJob(db, s.workspaceId, s.sourceId, by);
        if (!started.ok) throw new Error(started.message);
        await queue.enqueue(started.jobName);
        const until = Date.now() + 60_000;
        while ((await statusOf(started.jobName)) !== "succeeded") {
          if (Date.now() > until) throw new Error(`job ${started.jobName}: ${await statusOf(started.jobName)}`);
          await new Promise((r) => setTimeout(r, 100));
        }
      }
      // Both jobs done on one single-job worker, while no delivery has ended: the hook holds both requests.
      const until = Date.now() + 10_000;
      while (stalled.held.length < 2 && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      expect(stalled.held).toHaveLength(2);
      for (const h of hooks) expect((await listHookDeliveries(db, h.key.workspaceId, h.hook.id))?.data).toEqual([]);
      stalled.release();
      await settlePostLoadHooks();
      for (const h of hooks) {
        expect((await listHookDeliveries(db, h.key.workspaceId, h.hook.id))?.data.map((d) => [d.outcome, d.response_status])).toEqual([["succeeded", 200]]);
      }
    } finally {
      await worker.stop();
    }
  }, 120_000);
});

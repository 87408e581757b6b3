// Replication through the Connect API with a key: destination, sync, extractions, loads, the log, stop, isolation.
import { expect, test, createAccount, createKey } from "./support/fixtures";
import { apiAs, errorOf, POSTGRES_SOURCE, type Api } from "./support/api";
import { DESTINATION_PASSWORD as DEST_PASSWORD, SOURCE_PASSWORD, discoveredSource } from "./support/source-servers";
import { createEmptyDatabase, createReplicationSource, dropDatabase, query } from "../tests/helpers/replication-databases";

const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;
const ITEMS = "SELECT id::int AS id, name, price::text AS price, payload::text AS payload, updated_at FROM";

let sourceDb: string;
let destDb: string;
test.beforeAll(async () => {
  sourceDb = await createReplicationSource();
  destDb = await createEmptyDatabase();
});
test.afterAll(async () => {
  await Promise.all([sourceDb, destDb].filter(Boolean).map((name) => dropDatabase(name)));
});

type Extraction = Record<string, unknown> & { job_name: string };

// Poll the extractions list until the job appears (clients do exactly this).
async function finished(api: Api, clientId: number, jobName: string): Promise<Extraction> {
  let found: Extraction | undefined;
  await expect
    .poll(async () => {
      const body = await (await api.get(`/v4/${clientId}/extractions`)).json();
      found = body.data.find((e: Extraction) => e.job_name === jobName);
      return Boolean(found);
    }, { timeout: 30_000, intervals: [250, 500] })
    .toBe(true);
  return found!;
}

async function setUp(api: Api, tables: Record<string, unknown>[]) {
  const destination = await api.post("/v4/destinations", {
    type: "postgres",
    name: "Warehouse",
    description: "analytics",
    properties: { host: "127.0.0.1", port: "5432", username: "postgres", database: destDb, password: DEST_PASSWORD, ssl: false },
  });
  expect(destination.status()).toBe(200);
  const dest = await destination.json();
  expect(dest.properties).toEqual({ host: "127.0.0.1", port: "5432", username: "postgres", database: destDb, ssl: "false", status: "1" });
  const sourceId = await discoveredSource(api, sourceDb);
  const source = await (await api.get(`/v4/sources/${sourceId}`)).json();
  const selected = await api.put(`/v4/sources/${sourceId}/streams/metadata`, { streams: tables });
  expect(selected.status()).toBe(200);
  return { sourceId, clientId: source.stitch_client_id as number, schema: source.name as string };
}

const stream = (table: string, metadata: Record<string, unknown>, deselect: string[] = []) => ({
  tap_stream_id: `${sourceDb}-public-${table}`,
  metadata: [{ breadcrumb: [], metadata: { selected: true, ...metadata } }, ...deselect.map((c) => ({ breadcrumb: ["properties", c], metadata: { selected: false } }))],
});

test("a sync moves the rows; an incremental re-run picks up changes with no duplicate; lists and the log as the original shows them", async ({ request, db }) => {
  test.setTimeout(90_000);
  const owner = await createAccount(db);
  const key = (await createKey(db, owner)).plaintext;
  const api = apiAs(request, key);
  const { sourceId, clientId, schema } = await setUp(api, [
    stream("items", { "replication-method": "INCREMENTAL", "replication-key": "updated_at" }, ["secret_note"]),
    stream("notes", { "replication-method": "FULL_TABLE" }),
  ]);

  // Two starts at once: one job, one already_running (200, the original's error object).
  const [a, b] = await Promise.all([api.post(`/v4/sources/${sourceId}/sync`, undefined), api.post(`/v4/sources/${sourceId}/sync`, undefined)]);
  expect([a.status(), b.status()]).toEqual([200, 200]);
  const answers = [await a.json(), await b.json()];
  const job = answers.find((x) => x.job_name)!;
  expect(job.job_name).toMatch(new RegExp(`^${clientId}\\.${sourceId}\\.sync\\.[0-9a-f-]{36}$`));
  expect(answers.find((x) => x.error)).toEqual({
    error: { type: "already_running", message: `Did not create job for client-id: ${clientId}; connection-id: ${sourceId} because one already exists` },
  });

  const first = await finished(api, clientId, job.job_name);
  expect(first).toEqual({
    job_name: job.job_name, stitch_client_id: clientId, source_id: sourceId, source_type: "tap-postgres", tap_name: "tap-postgres",
    start_time: expect.stringMatching(TIMESTAMP), completion_time: expect.stringMatching(TIMESTAMP),
    discovery_exit_status: 0, discovery_description: null, tap_exit_status: 0, tap_description: null, target_exit_status: 0, target_description: null,
  });
  expect(await query(destDb, `${ITEMS} "${schema}".items ORDER BY id`)).toEqual(await query(sourceDb, `${ITEMS} items ORDER BY id`));
  const columns = await query<{ column_name: string }>(destDb, "SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = 'items'", [schema]);
  expect(columns.map((c) => c.column_name)).not.toContain("secret_note");
  // notes has no primary key: appended.
  expect(await query(destDb, `SELECT count(*)::int AS n FROM "${schema}".notes`)).toEqual([{ n: 5 }]);

  await query(sourceDb, `UPDATE items SET name = 'renamed', updated_at = now() WHERE id = 3; INSERT INTO items (name, updated_at) VALUES ('fresh', now())`);
  const again = await (await api.post(`/v4/sources/${sourceId}/sync`, undefined)).json();
  expect((await finished(api, clientId, again.job_name)).tap_exit_status).toBe(0);
  expect(await query(destDb, `${ITEMS} "${schema}".items ORDER BY id`)).toEqual(await query(sourceDb, `${ITEMS} items ORDER BY id`));
  await query(sourceDb, "UPDATE items SET name = 'item 1' WHERE id = 1");

  const loads = await (await api.get(`/v4/${clientId}/loads`)).json();
  expect(loads).toMatchObject({ page: 1, total: 2, links: {} });
  expect(loads.data).toEqual([
    { stitch_client_id: clientId, source_name: schema, stream_name: "items", last_batch_loaded_at: expect.stringMatching(TIMESTAMP), error_state: null },
    { stitch_client_id: clientId, source_name: schema, stream_name: "notes", last_batch_loaded_at: expect.stringMatching(TIMESTAMP), error_state: null },
  ]);
  const extractions = await (await api.get(`/v4/${clientId}/extractions`)).json();
  expect(extractions).toMatchObject({ page: 1, total: 1, links: {} });
  expect(extractions.data.map((e: Extraction) => e.job_name)).toEqual([again.job_name]);

  // The log: a 302 to a short-lived URL of our own, plain text in the original's line format, no secret.
  const redirect = await request.get(`/v4/${clientId}/extractions/${again.job_name}`, { headers: { Authorization: `Bearer ${key}` }, maxRedirects: 0 });
  expect(redirect.status()).toBe(302);
  expect((await redirect.body()).length).toBe(0);
  const log = await request.get(redirect.headers()["location"]);
  expect(log.status()).toBe(200);
  expect(log.headers()["content-type"]).toMatch(/^text\/plain/);
  const text = await log.text();
  expect(text).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}Z {3}main - INFO /);
  expect(text).toContain('replicated 3 records from "items" endpoint'); // `>=`: the bookmark's row, the update, the insert
  expect(text.trimEnd().split("\n").pop()).toMatch(/main - INFO Exit status is: Discovery succeeded\. Tap succeeded\. Target succeeded\.$/);
  for (const secret of [DEST_PASSWORD, SOURCE_PASSWORD]) expect(text).not.toContain(secret);
  expect((await request.get(redirect.headers()["location"].replace(/.$/, (c) => (c === "A" ? "B" : "A")))).status()).toBe(403);

  // Each start is in the audit trail, acting as the key.
  const events = await (await api.get("/v4/audit-events")).json();
  expect(JSON.stringify(events)).toContain("job.started");
});

test("DELETE /sync stops a running job within seconds; another account sees nothing of it", async ({ request, db }) => {
  test.setTimeout(60_000);
  const owner = await createAccount(db);
  const api = apiAs(request, (await createKey(db, owner)).plaintext);
  const { sourceId, clientId } = await setUp(api, [stream("slow_items", { "replication-method": "FULL_TABLE" })]);
  const started = await (await api.post(`/v4/sources/${sourceId}/sync`, undefined)).json();
  await expect.poll(async () => (await db.replicationJob.findUniqueOrThrow({ where: { jobName: started.job_name } })).status, { timeout: 15_000 }).toBe("running");
  const stop = await api.delete(`/v4/sources/${sourceId}/sync`);
  expect([stop.status(), await stop.json()]).toEqual([200, { status: 200 }]);
  const events = (await (await api.get("/v4/audit-events")).json()).data.map((e: { action: string }) => e.action);
  expect(events.slice(0, 2)).toEqual(["job.stopped", "job.started"]);
  const stopped = await finished(api, clientId, started.job_name);
  expect(stopped).toMatchObject({ tap_exit_status: null, tap_description: "Stopped" });

  const otherAccount = await createAccount(db);
  const other = apiAs(request, (await createKey(db, otherAccount)).plaintext);
  const otherClient = otherAccount.id;
  for (const path of [`/v4/${clientId}/extractions`, `/v4/${clientId}/loads`, `/v4/${clientId}/extractions/${started.job_name}`]) {
    expect((await other.get(path)).status()).toBe(401);
  }
  expect(await errorOf(await other.post(`/v4/sources/${sourceId}/sync`, undefined))).toMatchObject({ type: "invalid_source" });
  expect((await other.get(`/v4/${otherClient}/extractions/${started.job_name}`)).status()).toBe(404);
  expect(await (await other.get(`/v4/${otherClient}/extractions`)).json()).toEqual({ data: [], page: 1, total: 0, links: {} });
});

test("job starts are limited per account: the 11th in a minute is a 429 with Retry-After; polling is not", async ({ request, db }) => {
  const api = apiAs(request, (await createKey(db, await createAccount(db))).plaintext);
  const source = await (await api.post("/v4/sources", POSTGRES_SOURCE)).json();
  for (let i = 0; i < 10; i++) expect((await api.post(`/v4/sources/${source.id}/sync`, undefined)).status()).toBe(200);
  const limited = await api.post(`/v4/sources/${source.id}/sync`, undefined);
  expect(limited.status()).toBe(429);
  expect(Number(limited.headers()["retry-after"])).toBeGreaterThan(0);
  expect((await errorOf(limited)).type).toBe("RateLimited");
  // Polling as the integrations do (and faster) keeps working.
  for (let i = 0; i < 20; i++) expect((await api.get(`/v4/${source.stitch_client_id}/extractions`)).status()).toBe(200);
});

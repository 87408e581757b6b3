// The notifications API replayed as the original's documentation writes the requests: custom emails and
// post-load hooks, the fields and types a client reads, host rules, account scoping, audit and the OpenAPI document.
import { expect, test, createAccount, createKey } from "./support/fixtures";
import { apiAs, errorOf, freshAddress } from "./support/api";
import { customEmailSchema, createdHookSchema, hookListSchema, hookSchema, hookDeliveriesSchema } from "../lib/validation/notifications";
import type { Db } from "../lib/db/factory";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { readFileSync } from "node:fs";
import { createSecretBox } from "../lib/crypto/secret-box";
import { deliverPostLoad } from "../lib/notifications/deliver";
import { E2E_SECRETS_FILE } from "./support/env";

const BASE = "/notifications/public/v1/api";
const TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

async function setUp(db: Db) {
  const account = await createAccount(db);
  const key = (await createKey(db, account)).plaintext;
  const destination = await db.destination.create({ data: { accountId: account.id, type: "postgres" } });
  return { account, key, destinationId: destination.id };
}

test("custom emails: create, list, disable, re-enable, delete, as documented", async ({ request, db }) => {
  const { account, key } = await setUp(db);
  const api = apiAs(request, key);

  const created = await api.post(`${BASE}/custom-emails`, { email_address: "stitch-custom-notification@yourdomain.com" });
  expect(created.status()).toBe(200);
  const email = customEmailSchema.parse(await created.json());
  expect(email).toMatchObject({ client_id: account.id, email_address: "stitch-custom-notification@yourdomain.com", disabled_at: null });
  expect(email.created_at).toMatch(TIME);

  const listed = (await (await api.get(`${BASE}/custom-emails`)).json()) as unknown[];
  expect(listed.map((e) => customEmailSchema.parse(e).id)).toEqual([email.id]);

  const disabled = await api.put(`${BASE}/custom-emails/${email.id}`, { disabled_at: "2019-06-01T00:00:00Z" });
  expect(disabled.status()).toBe(200);
  expect((await disabled.json()).disabled_at).toMatch(TIME);
  const enabled = await api.put(`${BASE}/custom-emails/${email.id}`, { disabled_at: null });
  expect((await enabled.json()).disabled_at).toBeNull();

  const invalid = await api.post(`${BASE}/custom-emails`, { email_address: "not-an-address" });
  expect(invalid.status()).toBe(400);
  expect((await errorOf(invalid)).fields?.email_address).toMatch(/email/);
  const badPut = await api.put(`${BASE}/custom-emails/${email.id}`, { disabled_at: "yesterday-ish" });
  expect(badPut.status()).toBe(400);

  // Another account neither sees nor changes it.
  const stranger = apiAs(request, (await setUp(db)).key);
  expect(await (await stranger.get(`${BASE}/custom-emails`)).json()).toEqual([]);
  expect((await stranger.put(`${BASE}/custom-emails/${email.id}`, { disabled_at: null })).status()).toBe(404);
  expect((await stranger.delete(`${BASE}/custom-emails/${email.id}`)).status()).toBe(404);

  const deleted = await api.delete(`${BASE}/custom-emails/${email.id}`);
  expect(deleted.status()).toBe(200);
  expect(await deleted.json()).toEqual([1]);
  const again = await api.delete(`${BASE}/custom-emails/${email.id}`);
  expect(again.status()).toBe(404);
  expect((await errorOf(again)).type).toBe("NotFound");
});

test("hooks: create, list, disable, re-enable, delete, as documented; the secret is shown once", async ({ request, db }) => {
  const { account, key, destinationId } = await setUp(db);
  const api = apiAs(request, key);

  const created = await api.post(`${BASE}/hooks`, { type: "post_load", destination_id: destinationId, config: { url: "https://hooks.zapier.com/hooks/catch/some/webhook/id" } });
  expect(created.status()).toBe(200);
  const hook = createdHookSchema.parse(await created.json());
  expect(hook).toMatchObject({ client_id: account.id, type: "post_load", version: 1, destination_id: destinationId, disabled_at: null });
  expect(hook.config.url).toBe("https://hooks.zapier.com/hooks/catch/some/webhook/id");
  expect(hook.created_at).toMatch(TIME);
  expect(hook.modified_at).toMatch(TIME);
  expect(hook.secret).toMatch(/^whsec_/);

  const listText = await (await api.get(`${BASE}/hooks`)).text();
  expect(listText).not.toContain(hook.secret);
  expect(hookListSchema.parse(JSON.parse(listText)).post_load.map((h) => h.id)).toEqual([hook.id]);

  const disabled = hookSchema.parse(await (await api.put(`${BASE}/hooks/${hook.id}`, { enable: false })).json());
  expect(disabled.disabled_at).toMatch(TIME);
  const enabled = hookSchema.parse(await (await api.put(`${BASE}/hooks/${hook.id}`, { enable: true })).json());
  expect(enabled.disabled_at).toBeNull();
  const notBoolean = await api.put(`${BASE}/hooks/${hook.id}`, { enable: "false" });
  expect(notBoolean.status()).toBe(400);
  expect((await errorOf(notBoolean)).type).toBe("InvalidBody");

  const log = await api.get(`${BASE}/hooks/${hook.id}/deliveries`);
  expect(hookDeliveriesSchema.parse(await log.json()).data).toEqual([]);

  const stranger = apiAs(request, (await setUp(db)).key);
  expect((await (await stranger.get(`${BASE}/hooks`)).json()).post_load).toEqual([]);
  expect((await stranger.put(`${BASE}/hooks/${hook.id}`, { enable: false })).status()).toBe(404);
  expect((await stranger.get(`${BASE}/hooks/${hook.id}/deliveries`)).status()).toBe(404);

  const deleted = await api.delete(`${BASE}/hooks/${hook.id}`);
  expect(deleted.status()).toBe(200);
  expect(await deleted.json()).toBeNull();
  expect((await api.delete(`${BASE}/hooks/${hook.id}`)).status()).toBe(404);

  // Every change is in the account's audit trail, by the key, without the secret.
  const audit = await (await api.get("/v4/audit-events")).json();
  const actions = (audit.data as { action: string; actor: { type: string } }[]).filter((e) => e.action.startsWith("notification."));
  expect(actions.map((e) => e.action).sort()).toEqual(["notification.hook_created", "notification.hook_deleted", "notification.hook_disabled", "notification.hook_enabled"]);
  expect(actions.every((e) => e.actor.type === "key")).toBe(true);
  expect(JSON.stringify(audit)).not.toContain(hook.secret);
});

test("members read a hook's delivery log through the API after a load's delivery (a 500, then a 200)", async ({ request, db }) => {
  const { account, key, destinationId } = await setUp(db);
  const api = apiAs(request, key);
  const hook = createdHookSchema.parse(await (await api.post(`${BASE}/hooks`, { type: "post_load", destination_id: destinationId, config: { url: "https://example.com/h" } })).json());
  // The receiver is local: point the saved hook at it, and deliver as the replication runner does, with the operator's permission.
  const statuses = [500];
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => { res.statusCode = statuses.shift() ?? 200; res.end(); });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    await db.notificationHook.update({ where: { id: hook.id }, data: { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/h` } });
    const box = createSecretBox(JSON.parse(readFileSync(E2E_SECRETS_FILE, "utf8")).DATA_ENCRYPTION_KEY);
    const [result] = await deliverPostLoad(account.id, destinationId, { table_name: "orders" }, { db, box, backoffMs: [10], env: { ALLOW_PRIVATE_HOSTS: "1" } });
    expect(result.delivered).toBe(true);
  } finally {
    server.close();
  }
  const log = hookDeliveriesSchema.parse(await (await api.get(`${BASE}/hooks/${hook.id}/deliveries`)).json()).data;
  expect(log.map((d) => [d.attempt, d.outcome, d.response_status])).toEqual([[2, "succeeded", 200], [1, "failed", 500]]);
  expect(log[0].created_at).toMatch(TIME);
  expect(log[0].delivery_id).toBe(log[1].delivery_id);
});

test("hooks refuse internal URLs, other accounts' destinations and bodies unlike the original's", async ({ request, db }) => {
  const { key, destinationId } = await setUp(db);
  const api = apiAs(request, key);
  // The e2e server allows private hosts (ALLOW_PRIVATE_HOSTS=1, for its local databases): what is refused even
  // then is tested here; loopback and private addresses without that setting are tested in tests/notifications.test.ts.
  for (const url of ["http://169.254.169.254/latest/meta-data/", "http://[fe80::1]/", "http://0.0.0.0/x", "http://user:pw@example.com/h", "file:///etc/passwd"]) {
    const refused = await api.post(`${BASE}/hooks`, { type: "post_load", destination_id: destinationId, config: { url } });
    expect(refused.status(), url).toBe(400);
    expect((await errorOf(refused)).fields?.["config.url"], url).toBeTruthy();
  }
  const foreign = (await setUp(db)).destinationId;
  const notOurs = await api.post(`${BASE}/hooks`, { type: "post_load", destination_id: foreign, config: { url: "https://example.com/h" } });
  expect(notOurs.status()).toBe(400);
  expect((await errorOf(notOurs)).fields?.destination_id).toBeTruthy();
  const wrongType = await api.post(`${BASE}/hooks`, { type: "pre_load", destination_id: destinationId, config: { url: "https://example.com/h" } });
  expect(wrongType.status()).toBe(400);
  expect((await (await api.get(`${BASE}/hooks`)).json()).post_load).toEqual([]);
});

test("the notifications API needs a key, and is in the OpenAPI document", async ({ request }) => {
  const anonymous = await request.get(`${BASE}/hooks`, { headers: { "X-Forwarded-For": freshAddress() } });
  expect(anonymous.status()).toBe(401);
  expect((await errorOf(anonymous)).type).toBe("Unauthorized");
  const document = await (await request.get("/v4/openapi.json")).json();
  for (const path of [`${BASE}/custom-emails`, `${BASE}/custom-emails/{id}`, `${BASE}/hooks`, `${BASE}/hooks/{id}`, `${BASE}/hooks/{id}/deliveries`, "/v4/destination-types", "/v4/destination-types/{type}", "/v4/sources/{source_id}/tokens"]) {
    expect(document.paths[path], path).toBeTruthy();
  }
  expect(document.components.schemas.CreatedHook.properties.secret).toBeTruthy();
});

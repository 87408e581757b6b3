// Connect API authentication over HTTP: every refusal looks the same, revocation is immediate, failures are rate-limited.
import { createApiKey, deleteApiKey, setApiKeyStatus } from "../lib/api-keys/service";
import { removeMember } from "../lib/team/members";
import { expect, test, createAccount, createKey, e2ePepper } from "./support/fixtures";
import { apiAs, errorOf, freshAddress } from "./support/api";
import type { APIResponse } from "@playwright/test";

async function expectRefused(response: APIResponse) {
  expect(response.status()).toBe(401);
  expect(response.headers()["www-authenticate"]).toMatch(/^Bearer/);
  const error = await errorOf(response);
  expect(error.type).toBe("Unauthorized");
  return error.message;
}

test("a valid key authenticates; every kind of bad credential gets the same 401", async ({ request, db }) => {
  const account = await createAccount(db);
  const key = await createKey(db, account);
  const ok = await apiAs(request, key.plaintext).get("/v4/sources");
  expect(ok.status()).toBe(200);
  expect(await ok.json()).toEqual([]);
  // API answers are never cached, sniffed or framed.
  expect(ok.headers()).toMatchObject({ "cache-control": "no-store", "x-content-type-options": "nosniff", "content-type": expect.stringMatching(/^application\/json/) });
  expect(ok.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");

  const address = freshAddress();
  const flipped = key.plaintext.slice(0, -1) + (key.plaintext.endsWith("A") ? "B" : "A");
  const headers: Record<string, string>[] = [
    {},
    { Authorization: `Basic ${Buffer.from("user:pass").toString("base64")}` },
    { Authorization: "Bearer" },
    { Authorization: "Bearer not-a-key" },
    { Authorization: `Bearer ${flipped}` },
    { Authorization: `Token ${key.plaintext}` },
  ];
  const messages = new Set<string>();
  for (const h of headers) messages.add(await expectRefused(await request.get("/v4/sources", { headers: { ...h, "X-Forwarded-For": address } })));
  expect(messages.size).toBe(1);
});

test("disabled, re-enabled, deleted keys and a removed creator's keys", async ({ request, db }) => {
  const account = await createAccount(db, { members: 2 });
  const key = await createKey(db, account, 1);
  const api = apiAs(request, key.plaintext);
  expect((await api.get("/v4/sources")).status()).toBe(200);

  const owner = await db.user.findUniqueOrThrow({ where: { email: account.emails[0] } });
  const actor = { workspaceId: account.id, userId: owner.id };
  expect((await setApiKeyStatus(db, actor, key.key.id, "disabled")).ok).toBe(true);
  await expectRefused(await api.get("/v4/sources"));
  expect((await setApiKeyStatus(db, actor, key.key.id, "enabled")).ok).toBe(true);
  expect((await api.get("/v4/sources")).status()).toBe(200);

  const creator = await db.user.findUniqueOrThrow({ where: { email: account.emails[1] } });
  expect((await removeMember(db, { ...actor, email: owner.email, role: "owner" }, creator.id)).ok).toBe(true);
  await expectRefused(await api.get("/v4/sources"));

  const other = await createApiKey(db, actor, "to delete", e2ePepper());
  if (!other.ok) throw new Error(other.message);
  const otherApi = apiAs(request, other.value.plaintext);
  expect((await otherApi.get("/v4/destinations")).status()).toBe(200);
  expect((await deleteApiKey(db, actor, other.value.key.id)).ok).toBe(true);
  await expectRefused(await otherApi.get("/v4/destinations"));
});

test("a key of an account without API access does not authenticate", async ({ request, db }) => {
  const account = await createAccount(db);
  const key = await createKey(db, account);
  await db.workspace.update({ where: { id: account.id }, data: { plan: "standard" } });
  await expectRefused(await apiAs(request, key.plaintext).get("/v4/sources"));
});

test("last use is recorded, at most once a minute", async ({ request, db }) => {
  const account = await createAccount(db);
  const key = await createKey(db, account);
  expect((await db.apiKey.findUniqueOrThrow({ where: { id: key.key.id } })).lastUsedAt).toBeNull();
  const api = apiAs(request, key.plaintext);
  await api.get("/v4/sources");
  await expect.poll(async () => (await db.apiKey.findUniqueOrThrow({ where: { id: key.key.id } })).lastUsedAt).not.toBeNull();
  const first = (await db.apiKey.findUniqueOrThrow({ where: { id: key.key.id } })).lastUsedAt!;
  for (let i = 0; i < 3; i++) await api.get("/v4/sources");
  expect((await db.apiKey.findUniqueOrThrow({ where: { id: key.key.id } })).lastUsedAt).toEqual(first);
});

test("repeated failed authentication from one address gets 429 with Retry-After", async ({ request }) => {
  const address = freshAddress();
  // Well-formed keys that do not exist: each costs a lookup, so each counts.
  const { generateApiKey } = await import("../lib/api-keys/token");
  const statuses: number[] = [];
  let last: APIResponse | undefined;
  for (let i = 0; i < 32; i++) {
    last = await request.get("/v4/sources", { headers: { Authorization: `Bearer ${generateApiKey()}`, "X-Forwarded-For": address } });
    statuses.push(last.status());
  }
  expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
  expect(statuses.slice(30)).toEqual([429, 429]);
  expect(Number(last!.headers()["retry-after"])).toBeGreaterThan(0);
  expect((await errorOf(last!)).type).toBe("RateLimited");
  // Another address is not affected.
  const other = await request.get("/v4/sources", { headers: { Authorization: `Bearer ${generateApiKey()}`, "X-Forwarded-For": freshAddress() } });
  expect(other.status()).toBe(401);
});

test("health answers without a key; unknown paths answer 404 after authentication", async ({ request, db }) => {
  const health = await request.get("/v4/health");
  expect(health.status()).toBe(200);
  expect(await health.json()).toEqual({ status: "ok" });
  expect((await request.get("/v4/no-such-thing", { headers: { "X-Forwarded-For": freshAddress() } })).status()).toBe(401);
  const key = await createKey(db, await createAccount(db));
  const missing = await apiAs(request, key.plaintext).get("/v4/no-such-thing");
  expect(missing.status()).toBe(404);
  expect((await errorOf(missing)).type).toBe("NotFound");
});

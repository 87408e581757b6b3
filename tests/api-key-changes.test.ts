// Roll with overlap, edit and GET /v4/keys/self: through the domain and through the real route handlers.
import { describe, expect, it } from "vitest";
import { rollApiKey, updateApiKey } from "@/lib/api-keys/changes";
import { appKeyStore } from "@/lib/api-keys/key-store";
import { deleteApiKey, listApiKeys, MAX_KEYS_PER_ACCOUNT, setApiKeyStatus } from "@/lib/api-keys/service";
import { verifyApiKey } from "@/lib/api-keys/verify";
import { listEvents } from "@/lib/audit/events";
import { openApiDocument } from "@/lib/http/openapi";
import { seedAccount } from "./helpers/accounts";
import { actorOf, DAY, HOUR, keyHarness, PEPPER } from "./helpers/key-harness";

const { db, url, sources, self, call, keyFor } = await keyHarness();

describe("roll", () => {
  it("makes a new key with the same settings; both work during the overlap, then only the new one", async () => {
    const acct = await seedAccount(db);
    const old = await keyFor(acct, "nightly export", { access: "read", allowedCidrs: ["203.0.113.0/24"] });
    const t0 = new Date();
    const rolled = await rollApiKey(db, actorOf(acct), old.key.id, "1h", PEPPER, {}, t0);
    if (!rolled.ok) throw new Error(rolled.message);
    expect(rolled.value.key).toMatchObject({ description: "nightly export", access: "read", allowedCidrs: ["203.0.113.0/24"], expiresAt: null, status: "enabled" });
    expect(rolled.value.plaintext).not.toBe(old.plaintext);
    expect(rolled.value.oldExpiresAt).toEqual(new Date(t0.getTime() + HOUR));
    const store = appKeyStore(db, url);
    const at = (ms: number) => new Date(t0.getTime() + ms);
    expect(await verifyApiKey(store, old.plaintext, PEPPER, at(30 * 60_000), "203.0.113.5")).not.toBeNull();
    expect(await verifyApiKey(store, rolled.value.plaintext, PEPPER, at(30 * 60_000), "203.0.113.5")).not.toBeNull();
    expect(await verifyApiKey(store, old.plaintext, PEPPER, at(HOUR + 1_000), "203.0.113.5")).toBeNull();
    expect(await verifyApiKey(store, rolled.value.plaintext, PEPPER, at(HOUR + 1_000), "203.0.113.5")).not.toBeNull();
    expect((await db.account.findUniqueOrThrow({ where: { id: acct.accountId } })).apiKeyCount).toBe(2);
    const { events } = await listEvents(db, acct.accountId);
    expect(events[0]).toMatchObject({ action: "key.rolled", actorLabel: acct.users[0].email });
    expect(events[0].targetLabel).toContain(`rolled to key ending ${rolled.value.key.last4}`);
  });

  it("through the API: with overlap now the old key is refused at once; the new key works", async () => {
    const acct = await seedAccount(db);
    const old = await keyFor(acct, "rotate now");
    const rolled = await rollApiKey(db, actorOf(acct), old.key.id, "now", PEPPER);
    if (!rolled.ok) throw new Error(rolled.message);
    expect((await call(sources.GET, "GET", old.plaintext)).status).toBe(401);
    expect((await call(sources.GET, "GET", rolled.value.plaintext)).status).toBe(200);
  });

  it("is refused with no free slot, for a disabled key and for another account's key, changing nothing", async () => {
    const acct = await seedAccount(db);
    const other = await seedAccount(db);
    const keys: Awaited<ReturnType<typeof keyFor>>[] = [];
    for (let i = 0; i < MAX_KEYS_PER_ACCOUNT; i++) keys.push(await keyFor(acct, `k${i}`));
    expect(await rollApiKey(db, actorOf(acct), keys[0].key.id, "24h", PEPPER)).toMatchObject({ ok: false, code: "limit_reached" });
    await deleteApiKey(db, actorOf(acct), keys[9].key.id);
    await setApiKeyStatus(db, actorOf(acct), keys[1].key.id, "disabled");
    expect(await rollApiKey(db, actorOf(acct), keys[1].key.id, "24h", PEPPER)).toMatchObject({ ok: false, code: "not_rollable" });
    expect(await rollApiKey(db, actorOf(other), keys[0].key.id, "24h", PEPPER)).toMatchObject({ ok: false, code: "not_found" });
    expect(await db.apiKey.count({ where: { accountId: acct.accountId } })).toBe(9);
    expect((await db.account.findUniqueOrThrow({ where: { id: acct.accountId } })).apiKeyCount).toBe(9);
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: keys[0].key.id } })).expiresAt).toBeNull();
    // Concurrent rolls into the last free slot: exactly one wins.
    const results = await Promise.all([2, 3, 4, 5].map((i) => rollApiKey(db, actorOf(acct), keys[i].key.id, "7d", PEPPER)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.code === "limit_reached")).toHaveLength(3);
    expect(await db.apiKey.count({ where: { accountId: acct.accountId } })).toBe(10);
  });
});

describe("edit", () => {
  it("changes description, expiry (earlier only), access and allow-list, each an audit event with before and after", async () => {
    const acct = await seedAccount(db);
    const { key, plaintext } = await keyFor(acct, "before");
    const now = new Date();
    const expiresAt = new Date(now.getTime() + 10 * DAY);
    const edited = await updateApiKey(db, actorOf(acct), key.id, { description: "after", expiresAt, access: "read", allowedCidrs: ["198.51.100.0/24"] }, { ip: "192.0.2.1" }, now);
    expect(edited).toMatchObject({ ok: true, value: { description: "after", expiresAt, access: "read", allowedCidrs: ["198.51.100.0/24"] } });
    const { events } = await listEvents(db, acct.accountId);
    const updates = events.filter((e) => e.action === "key.updated").map((e) => e.targetLabel).reverse();
    expect(updates).toEqual([
      `key ending ${key.last4} (“before”): description “before” → “after”`,
      `key ending ${key.last4} (“before”): expiry never → ${expiresAt.toISOString().slice(0, 16).replace("T", " ")} UTC`,
      `key ending ${key.last4} (“before”): access Full access → Read-only`,
      `key ending ${key.last4} (“before”): allow-list any address → 198.51.100.0/24`,
    ]);
    // A later expiry is refused and changes nothing (the other fields included).
    expect(await updateApiKey(db, actorOf(acct), key.id, { description: "again", expiresAt: new Date(now.getTime() + 20 * DAY) })).toMatchObject({
      ok: false,
      code: "expiry_not_shorter",
    });
    expect((await listApiKeys(db, acct.accountId))[0]).toMatchObject({ description: "after", expiresAt });
    // The edit takes effect on the next request: read-only, and only from the new range.
    expect(await verifyApiKey(appKeyStore(db, url), plaintext, PEPPER, new Date(), "203.0.113.1")).toBeNull();
    expect(await verifyApiKey(appKeyStore(db, url), plaintext, PEPPER, new Date(), "198.51.100.9")).toMatchObject({ access: "read" });
    // Another account's key: not found.
    const other = await seedAccount(db);
    expect(await updateApiKey(db, actorOf(other), key.id, { description: "x" })).toMatchObject({ ok: false, code: "not_found" });
    // No change, no event.
    const count = (await listEvents(db, acct.accountId)).events.length;
    expect((await updateApiKey(db, actorOf(acct), key.id, { description: "after", access: "read" })).ok).toBe(true);
    expect((await listEvents(db, acct.accountId)).events.length).toBe(count);
  });
});

describe("GET /v4/keys/self", () => {
  it("describes the key in use, never the key itself", async () => {
    const acct = await seedAccount(db);
    const expiresAt = new Date(Date.now() + 30 * DAY);
    const { key, plaintext } = await keyFor(acct, "whoami", { access: "read", expiresAt, allowedCidrs: ["192.0.2.0/24"] });
    const response = await call(self.GET, "GET", plaintext);
    expect(response.status).toBe(200);
    const body = await response.json();
    const ws = await db.account.findUniqueOrThrow({ where: { id: acct.accountId } });
    expect(body).toEqual({
      last4: key.last4,
      description: "whoami",
      account: { id: acct.accountId, name: ws.name },
      access: "read_only",
      // Whole seconds, like every timestamp of the API.
      expires_at: expiresAt.toISOString().replace(/\.\d{3}Z$/, "Z"),
      allowed_ips: ["192.0.2.0/24"],
      created_at: key.createdAt.toISOString().replace(/\.\d{3}Z$/, "Z"),
    });
    const row = await db.apiKey.findUniqueOrThrow({ where: { id: key.id } });
    expect(JSON.stringify(body)).not.toContain(plaintext.slice(7, 40));
    expect(JSON.stringify(body)).not.toContain(row.hash);
    expect((await call(self.GET, "GET", "bobbin_" + "A".repeat(49))).status).toBe(401);
  });

  it("is in the OpenAPI document, with its response schema and the 403 of read-only keys on writes", () => {
    const doc = openApiDocument() as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>>; components: { schemas: Record<string, { properties: object }> } };
    expect(Object.keys(doc.paths["/v4/keys/self"].get.responses)).toEqual(expect.arrayContaining(["200", "401"]));
    expect(Object.keys(doc.components.schemas.KeySelf.properties)).toEqual(["last4", "description", "account", "access", "expires_at", "allowed_ips", "created_at"]);
    expect(Object.keys(doc.paths["/v4/sources"].post.responses)).toContain("403");
    expect(Object.keys(doc.paths["/v4/sources"].get.responses)).not.toContain("403");
  });
});

import { describe, expect, it } from "vitest";
import { createApiKey, deleteApiKey, listApiKeys, MAX_KEYS_PER_ACCOUNT, setApiKeyStatus } from "@/lib/api-keys/service";
import { prismaKeyStore, verifyApiKey, type KeyStore } from "@/lib/api-keys/verify";
import { appKeyStore } from "@/lib/api-keys/key-store";
import { changeAccountPlan } from "@/lib/accounts";
import type { Db } from "@/lib/db-client";
import { freshDb } from "./helpers/db";
import { seedAccount } from "./helpers/accounts";

const PEPPER = "test-pepper-0123456789-0123456789-abcdef";

// The whole lifecycle runs once per KeyStore: both must verify, refuse and record use alike.
const STORES: [string, (db: Db, url: string) => KeyStore][] = [
  ["prismaKeyStore", (db) => prismaKeyStore(db)],
  ["appKeyStore", (db, url) => appKeyStore(db, url)],
];

describe.each(STORES)("API key lifecycle, verified through %s", async (_name, makeStore) => {
  const { db, url } = await freshDb();
  const store = makeStore(db, url);

  async function keyFor(workspaceId: number, userId: string, description = "ci") {
    const r = await createApiKey(db, { workspaceId, userId }, description, PEPPER);
    if (!r.ok) throw new Error(r.message);
    return r.value;
  }

  it("creates a key that verifies as its creator in its account, storing only an HMAC and the last 4", async () => {
    const acct = await seedAccount(db, { members: 2 });
    const { key, plaintext } = await keyFor(acct.workspaceId, acct.users[1].id, "Used by the scheduler");
    expect(key).toMatchObject({ last4: plaintext.slice(-4), description: "Used by the scheduler", status: "enabled", expiresAt: null, access: "full", allowedCidrs: [], createdByEmail: acct.users[1].email, lastUsedAt: null });
    const row = await db.apiKey.findUniqueOrThrow({ where: { id: key.id } });
    expect(JSON.stringify(row)).not.toContain(plaintext);
    expect(JSON.stringify(row)).not.toContain(plaintext.slice(7, 30));
    expect(await verifyApiKey(store, plaintext, PEPPER)).toEqual({ keyId: key.id, workspaceId: acct.workspaceId, userId: acct.users[1].id, access: "full" });
    expect(await verifyApiKey(store, plaintext, "another-pepper-0123456789-0123456789")).toBeNull();
    expect((await db.workspace.findUniqueOrThrow({ where: { id: acct.workspaceId } })).apiKeyCount).toBe(1);
  });

  it("every member sees every key of the account; other accounts see none", async () => {
    const a = await seedAccount(db, { members: 2 });
    const b = await seedAccount(db);
    await keyFor(a.workspaceId, a.users[0].id, "first");
    await keyFor(a.workspaceId, a.users[1].id, "second");
    expect((await listApiKeys(db, a.workspaceId)).map((k) => [k.description, k.createdByEmail])).toEqual([
      ["first", a.users[0].email],
      ["second", a.users[1].email],
    ]);
    expect(await listApiKeys(db, b.workspaceId)).toEqual([]);
  });

  it("records last use at most once a minute", async () => {
    const acct = await seedAccount(db);
    const { key, plaintext } = await keyFor(acct.workspaceId, acct.users[0].id);
    const t0 = new Date("2026-01-01T00:00:00Z");
    await verifyApiKey(store, plaintext, PEPPER, t0);
    const lastUsed = async () => (await db.apiKey.findUniqueOrThrow({ where: { id: key.id } })).lastUsedAt?.toISOString();
    // The write happens in the background: wait for it (a loaded machine may take a while).
    await expect.poll(lastUsed, { timeout: 10_000 }).toBe(t0.toISOString());
    await verifyApiKey(store, plaintext, PEPPER, new Date(t0.getTime() + 30_000));
    await new Promise((r) => setTimeout(r, 200));
    expect(await lastUsed()).toBe(t0.toISOString());
    const t2 = new Date(t0.getTime() + 61_000);
    await verifyApiKey(store, plaintext, PEPPER, t2);
    await expect.poll(lastUsed, { timeout: 10_000 }).toBe(t2.toISOString());
  });

  it("disabled keys are refused at once and work again when re-enabled; deleted keys never", async () => {
    const acct = await seedAccount(db, { members: 2 });
    const actor = { workspaceId: acct.workspaceId, userId: acct.users[1].id };
    const { key, plaintext } = await keyFor(acct.workspaceId, acct.users[0].id);
    expect((await setApiKeyStatus(db, actor, key.id, "disabled")).ok).toBe(true);
    expect(await verifyApiKey(store, plaintext, PEPPER)).toBeNull();
    const again = await setApiKeyStatus(db, actor, key.id, "enabled");
    expect(again.ok && again.value.status).toBe("enabled");
    expect(await verifyApiKey(store, plaintext, PEPPER)).not.toBeNull();
    expect(await deleteApiKey(db, actor, key.id)).toEqual({ ok: true, value: { id: key.id } });
    expect(await verifyApiKey(store, plaintext, PEPPER)).toBeNull();
    expect(await listApiKeys(db, acct.workspaceId)).toEqual([]);
    expect((await db.workspace.findUniqueOrThrow({ where: { id: acct.workspaceId } })).apiKeyCount).toBe(0);
  });

  it("a key of another account is not found for every action, and nothing changes", async () => {
    const mine = await seedAccount(db);
    const theirs = await seedAccount(db);
    const { key, plaintext } = await keyFor(theirs.workspaceId, theirs.users[0].id);
    const actor = { workspaceId: mine.workspaceId, userId: mine.users[0].id };
    for (const result of [
      await setApiKeyStatus(db, actor, key.id, "disabled"),
      await setApiKeyStatus(db, actor, key.id, "enabled"),
      await deleteApiKey(db, actor, key.id),
    ]) {
      expect(result).toMatchObject({ ok: false, code: "not_found" });
    }
    const row = await db.apiKey.findUniqueOrThrow({ where: { id: key.id } });
    expect(row.status).toBe("enabled");
    expect(await verifyApiKey(store, plaintext, PEPPER)).not.toBeNull();
    expect((await db.workspace.findUniqueOrThrow({ where: { id: mine.workspaceId } })).apiKeyCount).toBe(0);
  });

  it("a key whose creator left the account stops verifying and cannot be re-enabled", async () => {
    const acct = await seedAccount(db, { members: 2 });
    const { key, plaintext } = await keyFor(acct.workspaceId, acct.users[1].id);
    await db.membership.delete({ where: { workspaceId_userId: { workspaceId: acct.workspaceId, userId: acct.users[1].id } } });
    expect(await verifyApiKey(store, plaintext, PEPPER)).toBeNull();
    const owner = { workspaceId: acct.workspaceId, userId: acct.users[0].id };
    await setApiKeyStatus(db, owner, key.id, "disabled");
    expect(await setApiKeyStatus(db, owner, key.id, "enabled")).toMatchObject({ ok: false, code: "creator_not_member" });
  });

  it("holds the limit of 10 keys, enabled and disabled together", async () => {
    const acct = await seedAccount(db);
    const actor = { workspaceId: acct.workspaceId, userId: acct.users[0].id };
    for (let i = 0; i < MAX_KEYS_PER_ACCOUNT; i++) await keyFor(acct.workspaceId, acct.users[0].id, `k${i}`);
    const first = (await listApiKeys(db, acct.workspaceId))[0];
    await setApiKeyStatus(db, actor, first.id, "disabled");
    expect(await createApiKey(db, actor, "eleventh", PEPPER)).toMatchObject({ ok: false, code: "limit_reached" });
    await deleteApiKey(db, actor, first.id);
    expect((await createApiKey(db, actor, "after delete", PEPPER)).ok).toBe(true);
    expect(await db.apiKey.count({ where: { workspaceId: acct.workspaceId } })).toBe(10);
  });

  it("20 concurrent creates at an account with 8 keys leave exactly 10", async () => {
    const acct = await seedAccount(db, { members: 2 });
    for (let i = 0; i < 8; i++) await keyFor(acct.workspaceId, acct.users[0].id, `k${i}`);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        createApiKey(db, { workspaceId: acct.workspaceId, userId: acct.users[i % 2].id }, `race ${i}`, PEPPER),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(2);
    expect(results.filter((r) => !r.ok && r.code === "limit_reached")).toHaveLength(18);
    expect(await db.apiKey.count({ where: { workspaceId: acct.workspaceId } })).toBe(10);
    expect((await db.workspace.findUniqueOrThrow({ where: { id: acct.workspaceId } })).apiKeyCount).toBe(10);
  });

  it("a plan without API access refuses new keys and disables existing ones; moving back re-enables none", async () => {
    const acct = await seedAccount(db);
    const actor = { workspaceId: acct.workspaceId, userId: acct.users[0].id };
    const { key, plaintext } = await keyFor(acct.workspaceId, acct.users[0].id);
    expect(await changeAccountPlan(db, acct.slug, "standard")).toEqual({ disabledKeys: 1 });
    expect(await verifyApiKey(store, plaintext, PEPPER)).toBeNull();
    expect((await listApiKeys(db, acct.workspaceId))[0]).toMatchObject({ status: "disabled", disabledReason: "plan" });
    expect(await createApiKey(db, actor, "x", PEPPER)).toMatchObject({ ok: false, code: "no_api_access" });
    expect(await setApiKeyStatus(db, actor, key.id, "enabled")).toMatchObject({ ok: false, code: "no_api_access" });
    await changeAccountPlan(db, acct.slug, "enterprise");
    expect(await verifyApiKey(store, plaintext, PEPPER)).toBeNull();
    expect((await setApiKeyStatus(db, actor, key.id, "enabled")).ok).toBe(true);
    expect(await verifyApiKey(store, plaintext, PEPPER)).not.toBeNull();
  });

  it("refuses malformed keys and bad checksums before any lookup", async () => {
    const lookups: string[] = [];
    const spyStore = { ...store, findByHash: async (h: string) => (lookups.push(h), store.findByHash(h)) };
    for (const token of ["", "bobbin_", "Bearer x", "bobbin_" + "A".repeat(49), "x".repeat(10_000)]) {
      expect(await verifyApiKey(spyStore, token, PEPPER)).toBeNull();
    }
    expect(lookups).toEqual([]);
  });
});

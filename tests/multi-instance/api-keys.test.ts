// API keys on two instances sharing one database: a key changed through A's UI actions (called over HTTP with a
// member's session, exactly as the page's forms call them) holds on B from the very next request, and the
// per-account limit of 10 holds when creates race on both instances.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey, KEY_ERROR_MESSAGES, MAX_KEYS_PER_ACCOUNT } from "../../lib/api-keys/service";
import { usageByDay } from "../../lib/api-keys/usage";
import { createTestAccount, TEST_PASSWORD } from "../helpers/accounts";
import { freshDb } from "../helpers/db";
import { signInOverHttp, type HttpSession } from "../helpers/http-session";
import { startInstances, type Cluster, type Instance } from "../helpers/instances";
import { actionId, callAction } from "../helpers/server-actions";

const KEYS = "app/(app)/[account]/settings/account/actions.ts";
const TEAM = "app/(app)/[account]/settings/team/actions.ts";

describe("API keys changed through one instance, used on the other", async () => {
  const { db, url } = await freshDb();
  let cluster: Cluster;
  beforeAll(async () => {
    // Usage is flushed every second (not every minute) so the usage test below need not wait long.
    cluster = await startInstances({ databaseUrl: url, count: 2, env: { USAGE_FLUSH_INTERVAL_MS: "1000" } });
  }, 300_000);
  afterAll(() => cluster?.stop());

  const settings = (slug: string) => `/${slug}/settings/account`;
  const api = (instance: Instance, key: string) =>
    fetch(`${instance.url}/v4/sources`, { headers: { Authorization: `Bearer ${key}`, "X-Forwarded-For": `10.9.${instance.port % 256}.1` } });

  // The "Generate a Key" action on an instance; returns the plaintext it shows once.
  async function generate(session: HttpSession, instance: Instance, account: { id: number; slug: string }, description: string) {
    const outcome = await callAction(session, instance.url, settings(account.slug), actionId(KEYS, "generateApiKeyAction"), { accountId: String(account.id), description });
    expect(outcome.status, outcome.body.slice(0, 500)).toBe(200);
    expect(outcome.result, outcome.body.slice(0, 500)).not.toBeNull();
    return outcome.result;
  }

  async function onKey(session: HttpSession, instance: Instance, name: string, account: { id: number; slug: string }, keyId: number) {
    const outcome = await callAction(session, instance.url, settings(account.slug), actionId(KEYS, name), { accountId: String(account.id), keyId: String(keyId) });
    expect(outcome.status).toBe(200);
    expect(outcome.result, `${name} on ${instance.name}`).toMatchObject({ ok: true });
  }

  it("a key disabled through A is refused by B on the next request; re-enabled on B it works on A; deleted on A it is refused on B", async () => {
    const [a, b] = cluster.instances;
    const account = await createTestAccount(db, { members: 2 });
    const session = await signInOverHttp(a.url, account.emails[1], TEST_PASSWORD);
    const made = await generate(session, a, account, "cross-instance key");
    expect(made).toMatchObject({ ok: true });
    const { plaintext } = made!.data as { plaintext: string };
    const { id } = await db.apiKey.findFirstOrThrow({ where: { accountId: account.id } });
    expect((await api(b, plaintext)).status).toBe(200);

    await onKey(session, a, "disableApiKeyAction", account, id);
    expect((await api(b, plaintext)).status).toBe(401);
    expect((await api(a, plaintext)).status).toBe(401);

    await onKey(session, b, "enableApiKeyAction", account, id);
    expect((await api(a, plaintext)).status).toBe(200);

    await onKey(session, a, "deleteApiKeyAction", account, id);
    expect((await api(b, plaintext)).status).toBe(401);
    expect(await db.apiKey.count({ where: { accountId: account.id } })).toBe(0);
  });

  it("50 concurrent creates over both instances on an empty account: exactly 10 keys, 40 clean 'limit reached'", { timeout: 180_000 }, async () => {
    const [a, b] = cluster.instances;
    const account = await createTestAccount(db, { members: 2 });
    const sessions = [await signInOverHttp(a.url, account.emails[0], TEST_PASSWORD), await signInOverHttp(b.url, account.emails[1], TEST_PASSWORD)];
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => generate(sessions[i % 2], cluster.instances[(i >> 1) % 2], account, `race ${i}`)),
    );
    const made = results.filter((r) => r?.ok).map((r) => (r!.data as { plaintext: string }).plaintext);
    const refused = results.filter((r) => r && !r.ok);
    expect(made).toHaveLength(MAX_KEYS_PER_ACCOUNT);
    expect(new Set(made).size).toBe(MAX_KEYS_PER_ACCOUNT);
    expect(refused).toHaveLength(40);
    expect(new Set(refused.map((r) => r!.error))).toEqual(new Set([KEY_ERROR_MESSAGES.limit_reached]));
    expect(await db.apiKey.count({ where: { accountId: account.id } })).toBe(MAX_KEYS_PER_ACCOUNT);
    expect((await db.account.findUniqueOrThrow({ where: { id: account.id } })).apiKeyCount).toBe(MAX_KEYS_PER_ACCOUNT);
    expect(await db.auditEvent.count({ where: { accountId: account.id, action: "key.created" } })).toBe(MAX_KEYS_PER_ACCOUNT);
    const statuses = await Promise.all(made.map((key, i) => api(cluster.instances[i % 2], key).then((r) => r.status)));
    expect(statuses).toEqual(made.map(() => 200));
  });

  it("a member removed through A's Team page loses the account and their key on B at the next request", async () => {
    const [a, b] = cluster.instances;
    const account = await createTestAccount(db, { members: 2 });
    const member = await signInOverHttp(b.url, account.emails[1], TEST_PASSWORD);
    const made = await generate(member, b, account, "member's key");
    const { plaintext } = made!.data as { plaintext: string };
    expect((await api(b, plaintext)).status).toBe(200);
    expect((await member.fetch(b.url, settings(account.slug))).status).toBe(200);

    const owner = await signInOverHttp(a.url, account.emails[0], TEST_PASSWORD);
    const userId = (await db.user.findUniqueOrThrow({ where: { email: account.emails[1] } })).id;
    const removed = await callAction(owner, a.url, `/${account.slug}/settings/team`, actionId(TEAM, "removeMemberAction"), { accountId: String(account.id), userId });
    expect(removed.result).toMatchObject({ ok: true, data: { disabledKeys: 1 } });

    expect((await api(b, plaintext)).status).toBe(401);
    expect((await member.fetch(b.url, settings(account.slug))).status).toBe(404);
  });

  it("concurrent requests with one key on both instances are all counted once each instance flushed", async () => {
    const [a, b] = cluster.instances;
    const account = await createTestAccount(db);
    const user = await db.user.findUniqueOrThrow({ where: { email: account.emails[0] } });
    const made = await createApiKey(db, { accountId: account.id, userId: user.id }, "usage on two instances", cluster.secrets.API_KEY_HMAC_SECRET);
    if (!made.ok) throw new Error(made.message);
    const statuses = await Promise.all(Array.from({ length: 120 }, (_, i) => api(i % 3 === 0 ? a : b, made.value.plaintext).then((r) => r.status)));
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    const today = async () => (await usageByDay(db, [made.value.key.id])).get(made.value.key.id)!.at(-1)!.count;
    await expect.poll(today, { timeout: 15_000 }).toBe(120);
    const lastUse = await db.apiKeyLastUse.findUniqueOrThrow({ where: { keyId: made.value.key.id } });
    expect([`10.9.${a.port % 256}.1`, `10.9.${b.port % 256}.1`]).toContain(lastUse.ip);
  });
});

// Expiry, read-only access, IP allow-lists, roll with overlap, edit and GET /v4/keys/self: through the domain and
// through the real route handlers (as a client sees them: status, body, headers).
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addressAllowed, parseAllowList } from "@/lib/api-keys/allow-list";
import { rollApiKey, updateApiKey } from "@/lib/api-keys/changes";
import { sendExpiryNotices } from "@/lib/api-keys/expiry-notice";
import { appKeyStore } from "@/lib/api-keys/key-store";
import { createApiKey, deleteApiKey, listApiKeys, MAX_KEYS_PER_ACCOUNT, setApiKeyStatus, type KeySettings } from "@/lib/api-keys/service";
import { prismaKeyStore, verifyApiKey } from "@/lib/api-keys/verify";
import { listEvents } from "@/lib/audit/events";
import { openApiDocument } from "@/lib/http/openapi";
import { expiryFrom } from "@/lib/validation/api-keys";
import { freshDb } from "./helpers/db";
import { seedAccount, type Seeded } from "./helpers/accounts";

const PEPPER = "test-pepper-0123456789-0123456789-abcdef";
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const { db, url } = await freshDb();
// The route handlers run on this test's database, with its secrets.
process.env.DATABASE_URL = url;
process.env.API_KEY_HMAC_SECRET = PEPPER;
process.env.DATA_ENCRYPTION_KEY ??= "d".repeat(44);
process.env.TRUSTED_PROXIES = "1";

const sources = await import("@/app/v4/sources/route");
const source = await import("@/app/v4/sources/[source_id]/route");
const hooks = await import("@/app/notifications/public/v1/api/hooks/route");
const self = await import("@/app/v4/keys/self/route");

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

let addressSeq = 0;
// A request as it reaches the app behind one proxy: the proxy appended the client's address to X-Forwarded-For.
function call(handler: Handler, method: string, token: string, options: { forwardedFor?: string; params?: Record<string, string>; body?: unknown } = {}) {
  const headers: Record<string, string> = {
    authorization: `Bearer ${token}`,
    // A fresh address per request unless given: the failed-authentication limit must not get in the way.
    "x-forwarded-for": options.forwardedFor ?? `192.0.2.${(addressSeq++ % 250) + 1}`,
    "user-agent": "vitest",
  };
  if (options.body !== undefined) headers["content-type"] = "application/json";
  const request = new Request(`http://localhost/v4/x`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  return handler(request, { params: Promise.resolve(options.params ?? {}) });
}

async function answer(response: Response) {
  return { status: response.status, body: await response.json(), auth: response.headers.get("www-authenticate") };
}

async function keyFor(acct: Seeded, description = "ci", settings: KeySettings = {}) {
  const r = await createApiKey(db, { workspaceId: acct.workspaceId, userId: acct.users[0].id }, description, PEPPER, {}, settings);
  if (!r.ok) throw new Error(r.message);
  return r.value;
}

const actorOf = (acct: Seeded) => ({ workspaceId: acct.workspaceId, userId: acct.users[0].id });

describe("expiry", () => {
  it.each([
    ["prismaKeyStore", () => prismaKeyStore(db)],
    ["appKeyStore", () => appKeyStore(db, url)],
  ])("an expired key is refused (%s), a key before its expiry works", async (_name, store) => {
    const acct = await seedAccount(db);
    const expiresAt = new Date(Date.now() + DAY);
    const { plaintext } = await keyFor(acct, "expiring", { expiresAt });
    expect(await verifyApiKey(store(), plaintext, PEPPER, new Date(expiresAt.getTime() - 1_000))).not.toBeNull();
    expect(await verifyApiKey(store(), plaintext, PEPPER, expiresAt)).toBeNull();
  });

  it("the API answers an expired key exactly as a disabled one; it keeps its slot until deleted", async () => {
    const acct = await seedAccount(db);
    const expired = await keyFor(acct, "expired", { expiresAt: new Date(Date.now() + 1_500) });
    const disabled = await keyFor(acct, "disabled");
    await setApiKeyStatus(db, actorOf(acct), disabled.key.id, "disabled");
    expect((await call(sources.GET, "GET", expired.plaintext)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1_600));
    const a = await answer(await call(sources.GET, "GET", expired.plaintext));
    const b = await answer(await call(sources.GET, "GET", disabled.plaintext));
    expect(a.status).toBe(401);
    expect(a).toEqual(b);
    const listed = await listApiKeys(db, acct.workspaceId);
    expect(listed.find((k) => k.id === expired.key.id)?.expiresAt?.getTime()).toBe(expired.key.expiresAt?.getTime());
    // 8 more fill the 10: the expired key still counts.
    for (let i = 0; i < MAX_KEYS_PER_ACCOUNT - 2; i++) await keyFor(acct, `k${i}`);
    expect(await createApiKey(db, actorOf(acct), "eleventh", PEPPER)).toMatchObject({ ok: false, code: "limit_reached" });
    await deleteApiKey(db, actorOf(acct), expired.key.id);
    expect((await createApiKey(db, actorOf(acct), "after delete", PEPPER)).ok).toBe(true);
  });

  it("expiry choices: never, N days, or a future date (00:00 UTC)", () => {
    const now = new Date("2026-11-29T12:00:00Z");
    expect(expiryFrom("never", null, now)).toEqual({ ok: true, expiresAt: null });
    expect(expiryFrom("30", null, now)).toEqual({ ok: true, expiresAt: new Date("2026-12-29T12:00:00Z") });
    expect(expiryFrom("date", "2027-01-15", now)).toEqual({ ok: true, expiresAt: new Date("2027-01-15T00:00:00Z") });
    expect(expiryFrom("date", "2026-11-29", now).ok).toBe(false);
    expect(expiryFrom("date", "2027-02-30", now).ok).toBe(false);
    expect(expiryFrom("date", "", now).ok).toBe(false);
  });
});

describe("expiry notices", () => {
  // A minimal SMTP server that keeps what it is sent.
  const received: string[] = [];
  let server: net.Server;
  beforeAll(async () => {
    server = net.createServer((socket) => {
      let data = false;
      let buffer = "";
      socket.write("220 test\r\n");
      socket.on("data", (chunk) => {
        buffer += chunk.toString();
        if (data) {
          if (!buffer.includes("\r\n.\r\n")) return;
          received.push(buffer);
          buffer = "";
          data = false;
          socket.write("250 ok\r\n");
          return;
        }
        let line: number;
        while ((line = buffer.indexOf("\r\n")) >= 0) {
          const command = buffer.slice(0, line).toUpperCase();
          buffer = buffer.slice(line + 2);
          if (command.startsWith("EHLO") || command.startsWith("HELO")) socket.write("250 test\r\n");
          else if (command.startsWith("DATA")) {
            data = true;
            socket.write("354 go\r\n");
            return;
          } else if (command.startsWith("QUIT")) socket.end("221 bye\r\n");
          else socket.write("250 ok\r\n");
        }
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  });
  afterAll(() => {
    delete process.env.SMTP_URL;
    server.close();
  });

  it("emails the owners once for a key expiring within 7 days, and only when SMTP is set", async () => {
    const acct = await seedAccount(db, { members: 2 });
    const now = new Date();
    const soon = await keyFor(acct, "soon", { expiresAt: new Date(now.getTime() + 6 * DAY) });
    const later = await keyFor(acct, "later", { expiresAt: new Date(now.getTime() + 20 * DAY) });
    delete process.env.SMTP_URL;
    expect(await sendExpiryNotices(db, now)).toEqual([]);
    process.env.SMTP_URL = `smtp://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
    const sent = await sendExpiryNotices(db, now);
    expect(sent).toContain(soon.key.id);
    expect(sent).not.toContain(later.key.id);
    const mine = received.filter((m) => m.includes(`ending ${soon.key.last4}`));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toContain(acct.users[0].email);
    expect(mine[0]).not.toContain(acct.users[1].email);
    expect(mine[0]).not.toContain(soon.plaintext);
    expect(await sendExpiryNotices(db, now)).not.toContain(soon.key.id);
  });
});

describe("read-only keys", () => {
  it("are answered 403 in the one error shape on PUT, POST and DELETE (notifications API too), and may GET", async () => {
    const acct = await seedAccount(db);
    const { plaintext } = await keyFor(acct, "reader", { access: "read" });
    const full = await keyFor(acct, "writer");
    expect((await call(sources.GET, "GET", plaintext)).status).toBe(200);
    expect((await call(hooks.GET, "GET", plaintext)).status).toBe(200);
    const refused = [
      await call(sources.POST, "POST", plaintext, { body: { type: "platform.postgres", display_name: "x" } }),
      await call(source.PUT, "PUT", plaintext, { params: { source_id: "1" }, body: { display_name: "y" } }),
      await call(source.DELETE, "DELETE", plaintext, { params: { source_id: "1" } }),
      await call(hooks.POST, "POST", plaintext, { body: { type: "post_load" } }),
    ];
    for (const response of refused) {
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({ error: { type: "Forbidden", message: expect.stringContaining("read-only") } });
    }
    expect(await db.source.count({ where: { workspaceId: acct.workspaceId } })).toBe(0);
    // A full-access key passes authentication (and gets the route's own answer).
    expect((await call(source.PUT, "PUT", full.plaintext, { params: { source_id: "999999" }, body: { display_name: "y" } })).status).toBe(404);
  });
});

describe("IP allow-lists", () => {
  it("validates CIDR lists (IPv4 and IPv6)", () => {
    expect(parseAllowList("203.0.113.0/24, 2001:DB8::/32\n198.51.100.7")).toEqual({ ok: true, cidrs: ["203.0.113.0/24", "2001:db8::/32", "198.51.100.7/32"] });
    for (const bad of ["203.0.113.0/33", "2001:db8::/129", "300.1.1.1", "10.0.0.0/8/1", "example.com", "10.0.0.0/-1"]) {
      expect(parseAllowList(bad).ok).toBe(false);
    }
    expect(parseAllowList(Array.from({ length: 11 }, (_, i) => `10.0.0.${i}`)).ok).toBe(false);
  });

  it("matches client addresses as node's BlockList does (IPv4, IPv6, IPv4-mapped), and no malformed address", () => {
    const stored = "198.51.100.0/24 10.0.0.0/8 2001:db8::/32 2001:db8:abcd:12::/63 0.0.0.0/32";
    const oracle = new net.BlockList();
    for (const cidr of stored.split(" ")) {
      const [a, p] = cidr.split("/");
      oracle.addSubnet(a, Number(p), net.isIP(a) === 4 ? "ipv4" : "ipv6");
    }
    const samples = ["198.51.100.7", "198.51.101.7", "10.255.1.1", "11.0.0.1", "0.0.0.0", "0.0.0.1", "2001:db8::5", "2001:db9::5", "::ffff:198.51.100.9",
      "::ffff:8.8.8.8", "2001:db8:abcd:13::1", "2001:db8:abcd:14::1", "::1", "::", "2001:0DB8:0000:0000:0000:0000:0000:0001", "1:2:3:4:5:6:7:8", "fe80::1"];
    for (const address of samples) {
      expect(addressAllowed(stored, address), address).toBe(oracle.check(address, net.isIP(address) === 4 ? "ipv4" : "ipv6"));
    }
    for (const bad of ["1.2.3", "1.2.3.4.5", "256.1.1.1", "1:2:3:4:5:6:7:8:9", "1::2::3", "g::1", "12345::1", "", "abc", "10.0.0.1x"]) {
      expect(addressAllowed(stored, bad), bad).toBe(false);
    }
    expect(addressAllowed("", null)).toBe(true);
    expect(addressAllowed(stored, null)).toBe(false);
    // A stored entry without a whole prefix in range never matches (fail closed), whatever wrote it.
    for (const broken of ["2001:db8::", "10.0.0.0", "10.0.0.0/33", "2001:db8::/129", "10.0.0.0/x"]) {
      expect(addressAllowed(broken, broken.includes(":") ? "2001:db8::1" : "10.0.0.1"), broken).toBe(false);
    }
  });

  it("refuses a request from another address (via X-Forwarded-For) with the same 401, recorded with the address", async () => {
    const acct = await seedAccount(db);
    const { key, plaintext } = await keyFor(acct, "office only", { allowedCidrs: ["203.0.113.0/24", "2001:db8::/32"] });
    // The client may prepend anything; the proxy's hop (the last one, with one trusted proxy) decides.
    expect((await call(sources.GET, "GET", plaintext, { forwardedFor: "198.51.100.1, 203.0.113.9" })).status).toBe(200);
    expect((await call(sources.GET, "GET", plaintext, { forwardedFor: "2001:db8:1::5" })).status).toBe(200);
    const refused = await answer(await call(sources.GET, "GET", plaintext, { forwardedFor: "203.0.113.9, 198.51.100.23" }));
    const unknown = await answer(await call(sources.GET, "GET", "bobbin_" + "A".repeat(49), { forwardedFor: "198.51.100.24" }));
    expect(refused.status).toBe(401);
    expect(refused).toEqual(unknown);
    expect((await call(sources.GET, "GET", plaintext, { forwardedFor: "2001:db9::1" })).status).toBe(401);
    const { events } = await listEvents(db, acct.workspaceId);
    const refusals = events.filter((e) => e.action === "key.address_refused");
    expect(refusals.map((e) => e.ip).sort()).toEqual(["198.51.100.23", "2001:db9::1"]);
    expect(refusals[0]).toMatchObject({ actorType: "key", actorLabel: `API key ending ${key.last4}` });
    expect(refusals.find((e) => e.ip === "198.51.100.23")?.targetLabel).toContain("refused a request from 198.51.100.23");
    // Two trusted proxies: the client is the second hop from the end.
    process.env.TRUSTED_PROXIES = "2";
    try {
      expect((await call(sources.GET, "GET", plaintext, { forwardedFor: "198.51.100.1, 203.0.113.9, 10.0.0.1" })).status).toBe(200);
      expect((await call(sources.GET, "GET", plaintext, { forwardedFor: "203.0.113.9, 198.51.100.50, 10.0.0.1" })).status).toBe(401);
    } finally {
      process.env.TRUSTED_PROXIES = "1";
    }
  });
});

describe("IP allow-lists under the failure limit", () => {
  it("past 30 refusals a minute from one address: 429; Activity gets at most 10 events a minute per key", async () => {
    const acct = await seedAccount(db);
    const { plaintext } = await keyFor(acct, "office only", { allowedCidrs: ["203.0.113.0/24"] });
    const statuses: number[] = [];
    for (let i = 0; i < 33; i++) statuses.push((await call(sources.GET, "GET", plaintext, { forwardedFor: "198.51.100.77" })).status);
    expect(statuses.slice(0, 30)).toEqual(Array(30).fill(401));
    expect(statuses.slice(30)).toEqual([429, 429, 429]);
    // Many addresses (a botnet, an IPv6 prefix) each under their own limit: still 10 events for the key.
    for (let i = 1; i <= 15; i++) expect((await call(sources.GET, "GET", plaintext, { forwardedFor: `192.0.2.${i}` })).status).toBe(401);
    const { events } = await listEvents(db, acct.workspaceId);
    expect(events.filter((e) => e.action === "key.address_refused")).toHaveLength(10);
  });
});

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
    expect((await db.workspace.findUniqueOrThrow({ where: { id: acct.workspaceId } })).apiKeyCount).toBe(2);
    const { events } = await listEvents(db, acct.workspaceId);
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
    expect(await db.apiKey.count({ where: { workspaceId: acct.workspaceId } })).toBe(9);
    expect((await db.workspace.findUniqueOrThrow({ where: { id: acct.workspaceId } })).apiKeyCount).toBe(9);
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: keys[0].key.id } })).expiresAt).toBeNull();
    // Concurrent rolls into the last free slot: exactly one wins.
    const results = await Promise.all([2, 3, 4, 5].map((i) => rollApiKey(db, actorOf(acct), keys[i].key.id, "7d", PEPPER)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.code === "limit_reached")).toHaveLength(3);
    expect(await db.apiKey.count({ where: { workspaceId: acct.workspaceId } })).toBe(10);
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
    const { events } = await listEvents(db, acct.workspaceId);
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
    expect((await listApiKeys(db, acct.workspaceId))[0]).toMatchObject({ description: "after", expiresAt });
    // The edit takes effect on the next request: read-only, and only from the new range.
    expect(await verifyApiKey(appKeyStore(db, url), plaintext, PEPPER, new Date(), "203.0.113.1")).toBeNull();
    expect(await verifyApiKey(appKeyStore(db, url), plaintext, PEPPER, new Date(), "198.51.100.9")).toMatchObject({ access: "read" });
    // Another account's key: not found.
    const other = await seedAccount(db);
    expect(await updateApiKey(db, actorOf(other), key.id, { description: "x" })).toMatchObject({ ok: false, code: "not_found" });
    // No change, no event.
    const count = (await listEvents(db, acct.workspaceId)).events.length;
    expect((await updateApiKey(db, actorOf(acct), key.id, { description: "after", access: "read" })).ok).toBe(true);
    expect((await listEvents(db, acct.workspaceId)).events.length).toBe(count);
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
    const ws = await db.workspace.findUniqueOrThrow({ where: { id: acct.workspaceId } });
    expect(body).toEqual({
      last4: key.last4,
      description: "whoami",
      account: { id: acct.workspaceId, name: ws.name },
      access: "read_only",
      expires_at: expiresAt.toISOString(),
      allowed_ips: ["192.0.2.0/24"],
      created_at: key.createdAt.toISOString(),
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

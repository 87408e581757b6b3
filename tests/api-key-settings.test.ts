// Expiry, expiry notices, read-only access and IP allow-lists: through the domain and through the real route
// handlers (as a client sees them: status, body, headers).
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addressAllowed, parseAllowList } from "@/lib/api-keys/allow-list";
import { sendExpiryNotices } from "@/lib/api-keys/expiry-notice";
import { appKeyStore } from "@/lib/api-keys/key-store";
import { createApiKey, deleteApiKey, listApiKeys, MAX_KEYS_PER_ACCOUNT, setApiKeyStatus } from "@/lib/api-keys/service";
import { prismaKeyStore, verifyApiKey } from "@/lib/api-keys/verify";
import { listEvents } from "@/lib/audit/events";
import { expiryFrom } from "@/lib/validation/api-keys";
import { seedAccount } from "./helpers/accounts";
import { actorOf, answer, DAY, keyHarness, PEPPER } from "./helpers/key-harness";

const { db, url, sources, source, hooks, call, keyFor } = await keyHarness();

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
    const listed = await listApiKeys(db, acct.accountId);
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
    expect(await db.source.count({ where: { accountId: acct.accountId } })).toBe(0);
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
    const { events } = await listEvents(db, acct.accountId);
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
    const { events } = await listEvents(db, acct.accountId);
    expect(events.filter((e) => e.action === "key.address_refused")).toHaveLength(10);
  });
});

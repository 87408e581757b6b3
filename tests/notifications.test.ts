// Post-load hooks and custom emails in the domain: a real delivery to a local HTTP server (signature, retry after
// a 500, bounded retries, the delivery log), the host rules, account scoping, and the recipients list.
import { createHmac } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/api-keys/service";
import { createSecretBox } from "@/lib/crypto/secret-box";
import { createCustomEmail, notificationRecipients, setCustomEmailDisabled } from "@/lib/notifications/custom-emails";
import { deliverPostLoad, DELIVERY_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER } from "@/lib/notifications/deliver";
import { guardedLookup } from "@/lib/notifications/hook-request";
import { isAllowedHookUrl } from "@/lib/notifications/hook-url-rules";
import { createHook, listHookDeliveries, setHookEnabled } from "@/lib/notifications/hooks";
import { seedAccount } from "./helpers/accounts";
import { freshDb } from "./helpers/db";

const box = createSecretBox("test-data-key-0123456789-0123456789-abcdef");
const ALLOW = { ALLOW_PRIVATE_HOSTS: "1" } ;
const FAST = { backoffMs: [20, 20], env: ALLOW };

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

describe("post-load hooks", async () => {
  const { db } = await freshDb();
  const deps = { db, box };

  async function accountWithDestination() {
    const acct = await seedAccount(db);
    const made = await createApiKey(db, { workspaceId: acct.workspaceId, userId: acct.users[0].id }, "hooks", "pepper-for-tests-0123456789");
    if (!made.ok) throw new Error("no key");
    const key = { keyId: made.value.key.id, workspaceId: acct.workspaceId, userId: acct.users[0].id };
    const destination = await db.destination.create({ data: { workspaceId: acct.workspaceId, type: "postgres" } });
    return { key, destinationId: destination.id };
  }

  async function hookOn(url: string) {
    const { key, destinationId } = await accountWithDestination();
    const created = await createHook(deps, key, { type: "post_load", destination_id: destinationId, config: { url } }, ALLOW);
    if (!created.ok) throw new Error(created.message);
    return { key, destinationId, hook: created.value };
  }

  it("deliver a signed JSON POST and retry after a 500", async () => {
    const server = await receiver([500]);
    const { key, destinationId, hook } = await hookOn(server.url);
    expect(hook.secret).toMatch(/^whsec_/);
    expect(JSON.stringify(await db.notificationHook.findUniqueOrThrow({ where: { id: hook.id } }))).not.toContain(hook.secret);

    const payload = { source_id: 7, table_name: "orders", row_count: 3 };
    const [result] = await deliverPostLoad(key.workspaceId, destinationId, payload, { ...deps, ...FAST });
    expect(result).toMatchObject({ hookId: hook.id, delivered: true, attempts: 2 });

    expect(server.received).toHaveLength(2);
    for (const { headers, body } of server.received) {
      expect(JSON.parse(body)).toEqual(payload);
      expect(headers["content-type"]).toBe("application/json");
      const timestamp = String(headers[TIMESTAMP_HEADER.toLowerCase()]);
      expect(Math.abs(Date.now() / 1000 - Number(timestamp))).toBeLessThan(60);
      const expected = `sha256=${createHmac("sha256", hook.secret).update(`${timestamp}.${body}`).digest("hex")}`;
      expect(headers[SIGNATURE_HEADER.toLowerCase()]).toBe(expected);
      expect(headers[DELIVERY_HEADER.toLowerCase()]).toBe(result.deliveryId);
    }

    const log = await listHookDeliveries(db, key.workspaceId, hook.id);
    expect(log?.data.map((d) => [d.attempt, d.outcome, d.response_status])).toEqual([
      [2, "succeeded", 200],
      [1, "failed", 500],
    ]);
    expect(log?.data[0].created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    // Another account sees no log of this hook.
    const other = await accountWithDestination();
    expect(await listHookDeliveries(db, other.key.workspaceId, hook.id)).toBeNull();
  });

  it("stop after the bounded retries, and do not retry a 4xx", async () => {
    const failing = await receiver([503, 503, 503, 503]);
    const a = await hookOn(failing.url);
    const [gaveUp] = await deliverPostLoad(a.key.workspaceId, a.destinationId, { n: 1 }, { ...deps, ...FAST });
    expect(gaveUp).toMatchObject({ delivered: false, attempts: 3 });
    expect(failing.received).toHaveLength(3);
    const outcomes = (await listHookDeliveries(db, a.key.workspaceId, a.hook.id))?.data.map((d) => d.outcome);
    expect(outcomes).toEqual(["abandoned", "failed", "failed"]);

    const refusing = await receiver([404]);
    const b = await hookOn(refusing.url);
    const [refused] = await deliverPostLoad(b.key.workspaceId, b.destinationId, { n: 1 }, { ...deps, ...FAST });
    expect(refused).toMatchObject({ delivered: false, attempts: 1 });
    expect(refusing.received).toHaveLength(1);
  });

  it("send nothing to disabled hooks, nor to another account's hooks on the same destination id", async () => {
    const server = await receiver([]);
    const { key, destinationId, hook } = await hookOn(server.url);
    const other = await accountWithDestination();
    expect(await deliverPostLoad(other.key.workspaceId, destinationId, { n: 1 }, { ...deps, ...FAST })).toEqual([]);
    await setHookEnabled(db, key, hook.id, false);
    expect(await deliverPostLoad(key.workspaceId, destinationId, { n: 1 }, { ...deps, ...FAST })).toEqual([]);
    expect(server.received).toHaveLength(0);
    await setHookEnabled(db, key, hook.id, true);
    expect((await deliverPostLoad(key.workspaceId, destinationId, { n: 1 }, { ...deps, ...FAST }))[0].delivered).toBe(true);
    const events = await db.auditEvent.findMany({ where: { workspaceId: key.workspaceId }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(["notification.hook_created", "notification.hook_disabled", "notification.hook_enabled"]));
    expect(events.every((e) => !JSON.stringify(e).includes(hook.secret))).toBe(true);
  });

  it("refuse internal hook URLs unless the operator allows them, at creation and when connecting", async () => {
    const { key, destinationId } = await accountWithDestination();
    const refused = await createHook(deps, key, { type: "post_load", destination_id: destinationId, config: { url: "http://127.0.0.1:9/x" } }, {});
    expect(refused).toMatchObject({ ok: false, code: "InvalidBody" });
    expect(await db.notificationHook.count({ where: { workspaceId: key.workspaceId } })).toBe(0);
    // A row that slipped past (saved while allowed) is still refused at delivery once the operator forbids it.
    const server = await receiver([]);
    const { hook } = await hookOn(server.url);
    const row = await db.notificationHook.findUniqueOrThrow({ where: { id: hook.id } });
    const [result] = await deliverPostLoad(row.workspaceId, row.destinationId, { n: 1 }, { ...deps, backoffMs: [], env: {} });
    expect(result.delivered).toBe(false);
    expect(server.received).toHaveLength(0);
    const lookedUp = await new Promise<Error | null>((resolve) => guardedLookup("localhost", { all: true }, (error) => resolve(error)));
    expect(lookedUp?.message).toMatch(/internal address/);
  });
});

describe("hook URL rules", () => {
  it("allow public http(s) URLs only", () => {
    for (const url of ["https://hooks.zapier.com/hooks/catch/1/abc", "http://example.com:8080/x", "https://[2606:4700::1111]/"]) {
      expect(isAllowedHookUrl(url, {}), url).toBe(true);
    }
    for (const url of [
      "http://127.0.0.1/", "http://10.1.2.3/", "http://172.16.0.1/", "http://192.168.1.1/", "http://169.254.169.254/latest/meta-data",
      "http://100.64.0.1/", "http://0.0.0.0/", "http://[::1]/", "http://[fd00::1]/", "http://[fe80::1]/", "http://[::ffff:127.0.0.1]/",
      "http://localhost:3000/", "http://metadata.google.internal/", "http://printer.local/", "http://intranet/", "ftp://example.com/",
      "https://user:pw@example.com/", "not a url",
    ]) {
      expect(isAllowedHookUrl(url, {}), url).toBe(false);
    }
    expect(isAllowedHookUrl("http://127.0.0.1:3000/", ALLOW)).toBe(true);
    expect(isAllowedHookUrl("ftp://127.0.0.1/", ALLOW)).toBe(false);
  });
});

describe("custom emails", async () => {
  const { db } = await freshDb();

  it("list only enabled addresses as recipients, and refuse duplicates", async () => {
    const acct = await seedAccount(db);
    const made = await createApiKey(db, { workspaceId: acct.workspaceId, userId: acct.users[0].id }, "emails", "pepper-for-tests-0123456789");
    if (!made.ok) throw new Error("no key");
    const key = { keyId: made.value.key.id, workspaceId: acct.workspaceId, userId: acct.users[0].id };
    const a = await createCustomEmail(db, key, "Ops@Example.com");
    const b = await createCustomEmail(db, key, "data@example.com");
    if (!a.ok || !b.ok) throw new Error("not created");
    expect(await createCustomEmail(db, key, "ops@example.com")).toMatchObject({ ok: false, code: "InvalidBody" });
    await setCustomEmailDisabled(db, key, b.value.id, true);
    expect(await notificationRecipients(db, acct.workspaceId)).toEqual(["ops@example.com"]);
    expect(await notificationRecipients(db, (await seedAccount(db)).workspaceId)).toEqual([]);
  });

  it("hold the limit of 10 per account under concurrent creation", async () => {
    const acct = await seedAccount(db);
    const made = await createApiKey(db, { workspaceId: acct.workspaceId, userId: acct.users[0].id }, "limit", "pepper-for-tests-0123456789");
    if (!made.ok) throw new Error("no key");
    const key = { keyId: made.value.key.id, workspaceId: acct.workspaceId, userId: acct.users[0].id };
    const results = await Promise.all(Array.from({ length: 13 }, (_, i) => createCustomEmail(db, key, `n${i}@example.com`)));
    expect(results.filter((r) => r.ok)).toHaveLength(10);
    expect(results.find((r) => !r.ok)?.message).toMatch(/additional/);
    expect(await db.notificationEmail.count({ where: { workspaceId: acct.workspaceId } })).toBe(10);
  });
});

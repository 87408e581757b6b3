// Usage per key and day: counted in memory per instance and flushed with additive upserts, never a database
// write per request; two instances on one database add up.
import { describe, expect, it } from "vitest";
import { appKeyStore } from "@/lib/api-keys/key-store";
import { createApiKey, deleteApiKey } from "@/lib/api-keys/service";
import { keyUsageDetail, usageByDay, usageDay, UsageCounter } from "@/lib/api-keys/usage";
import { prismaKeyStore, type KeyStore } from "@/lib/api-keys/verify";
import { createDb, type Db } from "@/lib/db-client";
import { authenticate } from "@/lib/http/auth";
import { databaseRateLimitStore } from "@/lib/rate-limit/database";
import { freshDb } from "./helpers/db";
import { testDatabaseKind } from "./helpers/test-db-urls";
import { seedAccount } from "./helpers/accounts";

const PEPPER = "test-pepper-0123456789-0123456789-abcdef";
const { db, url } = await freshDb();

async function newKey() {
  const acct = await seedAccount(db);
  const r = await createApiKey(db, { workspaceId: acct.workspaceId, userId: acct.users[0].id }, "usage", PEPPER);
  if (!r.ok) throw new Error(r.message);
  return { acct, key: r.value.key, plaintext: r.value.plaintext };
}

function request(token: string, ip = "203.0.113.9", userAgent = "bobbin-script/1.0") {
  return new Request("http://localhost/v4/sources", { headers: { authorization: `Bearer ${token}`, "x-forwarded-for": ip, "user-agent": userAgent } });
}

// The API's request path up to the handler: authenticate (verify, count the use).
async function call(token: string, keys: KeyStore, usage: UsageCounter, ip?: string, userAgent?: string) {
  const result = await authenticate(request(token, ip, userAgent), "203.0.113.9", { keys, limits: databaseRateLimitStore(db), pepper: PEPPER, usage });
  if (result instanceof Response) throw new Error(`refused: ${result.status}`);
}

const today = () => usageDay(new Date());
const todayCount = async (keyId: number) => (await usageByDay(db, [keyId])).get(keyId)!.at(-1)!;

// A client that counts every statement Prisma sends (model operations and raw ones).
function counting(base: Db) {
  const operations: string[] = [];
  const client = base.$extends({
    query: {
      $allOperations({ operation, model, args, query }) {
        operations.push(model ? `${model}.${operation}` : operation);
        return query(args);
      },
    },
  }) as unknown as Db;
  return { client, operations };
}

const WRITES = /\.(create|createMany|update|updateMany|upsert|delete|deleteMany)$|^\$executeRaw/;

describe("API key usage", () => {
  it("many concurrent requests are all counted once the flush ran, with the last address and user agent", async () => {
    const { acct, key, plaintext } = await newKey();
    const usage = new UsageCounter(db);
    const keys = appKeyStore(db, url);
    await Promise.all(Array.from({ length: 300 }, () => call(plaintext, keys, usage)));
    expect(await todayCount(key.id)).toEqual({ day: today(), count: 0 });
    expect(usage.pending()).toBe(300);
    await usage.flush();
    expect(usage.pending()).toBe(0);
    expect(await todayCount(key.id)).toEqual({ day: today(), count: 300 });
    await call(plaintext, keys, usage, "2001:db8::7", "curl/8.5.0");
    await usage.flush();
    const detail = await keyUsageDetail(db, acct.workspaceId, key.id);
    expect(detail).toMatchObject({ id: key.id, last4: key.last4, total: 301, lastUsedIp: "2001:db8::7", lastUsedUserAgent: "curl/8.5.0" });
    expect(detail!.days).toHaveLength(30);
    expect(detail!.lastUsedAt).toBeInstanceOf(Date);
    // Another account never sees it.
    const other = await seedAccount(db);
    expect(await keyUsageDetail(db, other.workspaceId, key.id)).toBeNull();
  });

  it("two instances counting the same key on one database add up, over several flushes and two days", async () => {
    const { key, plaintext } = await newKey();
    // PostgreSQL: the second instance has a client (and connections) of its own. SQLite: one client, as two
    // clients in one process would block each other's event loop on the file lock (two processes do not).
    const second = testDatabaseKind() === "postgres" ? createDb(url) : db;
    try {
      const a = new UsageCounter(db);
      const b = new UsageCounter(second);
      const keysA = appKeyStore(db, url);
      const keysB = prismaKeyStore(second);
      for (let round = 0; round < 3; round++) {
        await Promise.all([
          ...Array.from({ length: 40 }, () => call(plaintext, keysA, a)),
          ...Array.from({ length: 60 }, () => call(plaintext, keysB, b)),
        ]);
        await Promise.all([a.flush(), b.flush(), a.flush()]);
      }
      expect(await todayCount(key.id)).toEqual({ day: today(), count: 300 });
      // Yesterday's requests (counted before midnight, flushed after) go to yesterday.
      const yesterday = new Date(Date.now() - 86_400_000);
      for (let i = 0; i < 5; i++) a.record(key.id, {}, yesterday);
      for (let i = 0; i < 7; i++) b.record(key.id, {}, yesterday);
      await Promise.all([a.flush(), b.flush()]);
      const days = (await usageByDay(db, [key.id])).get(key.id)!;
      expect(days.at(-2)).toEqual({ day: usageDay(yesterday), count: 12 });
      expect(days.at(-1)!.count).toBe(300);
      expect(days.slice(0, -2).every((d) => d.count === 0)).toBe(true);
    } finally {
      if (second !== db) await second.$disconnect();
    }
  });

  it("no database write per request: N requests send at most the one last-use write; the flush a constant few", async () => {
    const { key, plaintext } = await newKey();
    for (const [name, makeStore] of [
      ["appKeyStore", (client: Db) => appKeyStore(client, url)],
      ["prismaKeyStore", (client: Db) => prismaKeyStore(client)],
    ] as const) {
      const { client, operations } = counting(db);
      const usage = new UsageCounter(client);
      const keys = makeStore(client);
      const N = 200;
      for (let i = 0; i < N; i++) await call(plaintext, keys, usage);
      await Promise.all(Array.from({ length: N }, () => call(plaintext, keys, usage)));
      // The last-use write is in the background: let it land before counting.
      await new Promise((r) => setTimeout(r, 300));
      const writes = operations.filter((op) => WRITES.test(op));
      expect(writes.length, `${name}: ${writes.join(", ")}`).toBeLessThanOrEqual(1);
      // appKeyStore reads on a driver connection of its own: Prisma sent nothing else at all.
      if (name === "appKeyStore") expect(operations.length, operations.join(", ")).toBeLessThanOrEqual(1);
      const before = operations.length;
      await usage.flush();
      const flushOps = operations.slice(before);
      expect(flushOps.length, flushOps.join(", ")).toBeLessThanOrEqual(5);
      expect(flushOps.filter((op) => WRITES.test(op)).length).toBeLessThanOrEqual(3);
    }
    expect(await todayCount(key.id)).toEqual({ day: today(), count: 800 });
  });

  it("a key deleted before the flush adds nothing and does not hold up other keys' counts", async () => {
    const gone = await newKey();
    const kept = await newKey();
    const usage = new UsageCounter(db);
    usage.record(gone.key.id, {});
    usage.record(kept.key.id, {});
    const r = await deleteApiKey(db, { workspaceId: gone.acct.workspaceId, userId: gone.acct.users[0].id }, gone.key.id);
    expect(r.ok).toBe(true);
    await usage.flush();
    expect(usage.pending()).toBe(0);
    expect(await todayCount(kept.key.id)).toEqual({ day: today(), count: 1 });
    expect(await db.apiKeyUsageDay.count({ where: { keyId: gone.key.id } })).toBe(0);
  });

  it("a flush that fails keeps its counts for the next one, which writes them", async () => {
    const { key } = await newKey();
    let down = true;
    // The database refuses the first flush's transaction (a lost connection, say).
    const flaky = new Proxy(db, {
      get(target, property, receiver) {
        if (property === "$transaction" && down) {
          down = false;
          return () => Promise.reject(new Error("connection lost"));
        }
        const value = Reflect.get(target, property, receiver);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    const usage = new UsageCounter(flaky);
    for (let i = 0; i < 7; i++) usage.record(key.id, { ip: "198.51.100.1", userAgent: "a" });
    await expect(usage.flush()).rejects.toThrow("connection lost");
    expect(usage.pending()).toBe(7);
    usage.record(key.id, { ip: "198.51.100.2", userAgent: "b" });
    await usage.flush();
    expect(usage.pending()).toBe(0);
    expect(await todayCount(key.id)).toEqual({ day: today(), count: 8 });
    expect(await db.apiKeyLastUse.findUniqueOrThrow({ where: { keyId: key.id } })).toMatchObject({ ip: "198.51.100.2", userAgent: "b" });
  });
});

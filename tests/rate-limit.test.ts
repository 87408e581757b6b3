// Rate-limit stores: exact counts under concurrency, windows that end, keys kept apart — database and Redis.
import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { clientKey } from "@/lib/rate-limit/client-key";
import { databaseRateLimitStore } from "@/lib/rate-limit/database";
import { redisRateLimitStore } from "@/lib/rate-limit/redis";
import type { RateLimitStore } from "@/lib/rate-limit";
import { freshDb } from "./helpers/db";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

async function contract(name: string, makeStore: () => Promise<RateLimitStore>) {
  describe(`${name} rate-limit store`, async () => {
    const store = await makeStore();
    const key = () => `test:${randomBytes(6).toString("hex")}`;

    it("allows the limit, then refuses with a retry time within the window", async () => {
      const k = key();
      const hits = [];
      for (let i = 0; i < 4; i++) hits.push(await store.hit(k, 3, 60_000));
      expect(hits.map((h) => h.allowed)).toEqual([true, true, true, false]);
      expect(hits[3].count).toBe(4);
      expect(hits[3].retryAfterSeconds).toBeGreaterThan(0);
      expect(hits[3].retryAfterSeconds).toBeLessThanOrEqual(60);
    });

    it("counts every one of many concurrent hits exactly once", async () => {
      const k = key();
      const hits = await Promise.all(Array.from({ length: 40 }, () => store.hit(k, 10, 60_000)));
      expect(hits.filter((h) => h.allowed)).toHaveLength(10);
      expect(Math.max(...hits.map((h) => h.count))).toBe(40);
    });

    it("starts a new window once the old one is over, and keeps keys apart", async () => {
      const [a, b] = [key(), key()];
      await store.hit(a, 1, 300);
      expect((await store.hit(a, 1, 300)).allowed).toBe(false);
      expect((await store.hit(b, 1, 300)).allowed).toBe(true);
      await new Promise((r) => setTimeout(r, 400));
      expect((await store.hit(a, 1, 300)).allowed).toBe(true);
      await store.reset(a);
      expect((await store.hit(a, 1, 60_000)).count).toBe(1);
    });

    it("peeks at a count without counting", async () => {
      const k = key();
      expect((await store.peek(k)).count).toBe(0);
      await store.hit(k, 5, 60_000);
      await store.hit(k, 5, 60_000);
      expect(await store.peek(k)).toMatchObject({ count: 2, retryAfterSeconds: expect.any(Number) });
      expect((await store.peek(k)).count).toBe(2);
    });
  });
}

describe("expired counters go away", async () => {
  const { db } = await freshDb();

  it("the database store deletes the rows of windows that are over, by itself", async () => {
    const first = databaseRateLimitStore(db);
    const keys = Array.from({ length: 5 }, (_, i) => `expire:${i}:${randomBytes(4).toString("hex")}`);
    for (const k of keys) await first.hit(k, 5, 50);
    expect(await db.rateLimit.count({ where: { key: { in: keys } } })).toBe(5);
    await new Promise((r) => setTimeout(r, 100));
    // Any later hit (here from another instance) purges what has expired.
    await databaseRateLimitStore(db).hit(`other:${randomBytes(4).toString("hex")}`, 5, 60_000);
    expect(await db.rateLimit.count({ where: { key: { in: keys } } })).toBe(0);
    await first.hit(keys[0], 5, 50);
    expect(await first.purgeExpired(new Date(Date.now() + 1_000))).toBeGreaterThanOrEqual(1);
  });

  it("Redis keys carry their window as a TTL", async () => {
    const { default: Redis } = await import("ioredis");
    const store = redisRateLimitStore(REDIS_URL);
    const k = `ttl:${randomBytes(4).toString("hex")}`;
    await store.hit(k, 5, 30_000);
    const raw = new Redis(REDIS_URL);
    const ttl = await raw.pttl(`bobbin:rl:${k}`);
    raw.disconnect();
    await store.close();
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(30_000);
  });

  it("Redis stores with different key prefixes (two deployments on one server) count apart", async () => {
    const k = `shared:${randomBytes(4).toString("hex")}`;
    const [mine, theirs] = [redisRateLimitStore(REDIS_URL, "bobbin:a:"), redisRateLimitStore(REDIS_URL, "bobbin:b:")];
    for (let i = 0; i < 3; i++) await mine.hit(k, 3, 30_000);
    expect((await mine.hit(k, 3, 30_000)).allowed).toBe(false);
    expect(await theirs.hit(k, 3, 30_000)).toMatchObject({ allowed: true, count: 1 });
    expect((await theirs.peek(k)).count).toBe(1);
    await Promise.all([mine.close(), theirs.close()]);
  });
});

describe("client keys", () => {
  it("count an IPv6 client by its /64 and an IPv4 client by its address", () => {
    expect(clientKey("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).toBe("2001:db8:1:2::/64");
    expect(clientKey("2001:db8:1:2::1")).toBe("2001:db8:1:2::/64");
    expect(clientKey("2001:0db8:0001:0002:ffff::9")).toBe("2001:db8:1:2::/64");
    expect(clientKey("[2001:db8:1:3::1]")).toBe("2001:db8:1:3::/64");
    expect(clientKey("::1")).toBe("0:0:0:0::/64");
    expect(clientKey("::ffff:198.51.100.7")).toBe("198.51.100.7");
    expect(clientKey("198.51.100.7")).toBe("198.51.100.7");
    expect(clientKey(null)).toBe("unknown");
  });
});

await contract("database", async () => databaseRateLimitStore((await freshDb()).db));
await contract("Redis", async () => {
  const store = redisRateLimitStore(REDIS_URL);
  afterAll(() => store.close());
  return store;
});

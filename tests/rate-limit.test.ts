// Rate-limit stores: exact counts under concurrency, windows that end, keys kept apart — database and Redis.
import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
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
  });
}

await contract("database", async () => databaseRateLimitStore((await freshDb()).db));
await contract("Redis", async () => {
  const store = redisRateLimitStore(REDIS_URL);
  afterAll(() => store.close());
  return store;
});

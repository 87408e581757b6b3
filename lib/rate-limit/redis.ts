// Rate-limit counters in Redis: INCR and a PEXPIRE set with the first hit of each window.
import "server-only";
import Redis from "ioredis";
import { outcome, type RateLimitStore } from "./types";

export const DEFAULT_REDIS_PREFIX = "bobbin:rl:";

// `keyPrefix` keeps deployments (or test runs) that share one Redis server apart.
export function redisRateLimitStore(url: string, keyPrefix = DEFAULT_REDIS_PREFIX): RateLimitStore {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 2, enableOfflineQueue: true, keyPrefix });
  return {
    async hit(key, limit, windowMs, now = new Date()) {
      const result = await redis.multi().incr(key).pexpire(key, windowMs, "NX").pttl(key).exec();
      if (!result) throw new Error("redis: transaction aborted");
      for (const [error] of result) if (error) throw error;
      const count = Number(result[0][1]);
      const ttl = Math.max(Number(result[2][1]), 0);
      return outcome(count, limit, now.getTime() + ttl, now.getTime());
    },
    async peek(key) {
      const result = await redis.multi().get(key).pttl(key).exec();
      if (!result) throw new Error("redis: transaction aborted");
      for (const [error] of result) if (error) throw error;
      const count = Number(result[0][1] ?? 0);
      const ttl = Number(result[1][1]);
      return count > 0 && ttl > 0 ? { count, retryAfterSeconds: Math.max(1, Math.ceil(ttl / 1000)) } : { count: 0, retryAfterSeconds: 0 };
    },
    // Every key carries the TTL of its window (set with its first hit), so Redis removes it by itself.
    async purgeExpired() {
      return 0;
    },
    async reset(key) {
      await redis.del(key);
    },
    async close() {
      redis.disconnect();
    },
  };
}

// Rate-limit counters in the RateLimit table: conditional updates, so concurrent instances never lose a hit.
import type { Db } from "../db-client";
import { outcome, type RateLimitStore } from "./types";

const isUniqueViolation = (error: unknown) => (error as { code?: string })?.code === "P2002";

export function databaseRateLimitStore(db: Db): RateLimitStore {
  return {
    async hit(key, limit, windowMs, now = new Date()) {
      for (let attempt = 0; attempt < 5; attempt++) {
        // Within the current window: an atomic increment.
        const bumped = await db.rateLimit.updateMany({ where: { key, resetAt: { gt: now } }, data: { count: { increment: 1 } } });
        if (bumped.count === 0) {
          // Window over (or no row): start a new one; only one racer can win each of these.
          const resetAt = new Date(now.getTime() + windowMs);
          const restarted = await db.rateLimit.updateMany({ where: { key, resetAt: { lte: now } }, data: { count: 1, resetAt } });
          if (restarted.count === 0) {
            try {
              await db.rateLimit.create({ data: { key, count: 1, resetAt } });
            } catch (error) {
              if (isUniqueViolation(error)) continue;
              throw error;
            }
          }
        }
        const row = await db.rateLimit.findUnique({ where: { key } });
        if (row) return outcome(row.count, limit, row.resetAt.getTime(), now.getTime());
      }
      throw new Error(`rate limit ${key}: too much contention`);
    },
    async reset(key) {
      await db.rateLimit.deleteMany({ where: { key } });
    },
  };
}

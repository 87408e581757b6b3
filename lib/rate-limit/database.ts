// Rate-limit counters in the RateLimit table: each hit is one atomic conditional update that returns its count,
// so concurrent instances never lose or share a hit.
import type { Db } from "../db/factory";
import { outcome, type RateLimitStore } from "./types";

const codeOf = (error: unknown) => (error as { code?: string })?.code;

// The updated row, or null when the condition matched no row.
async function updated<T>(update: Promise<T>): Promise<T | null> {
  try {
    return await update;
  } catch (error) {
    if (codeOf(error) === "P2025") return null;
    throw error;
  }
}

export function databaseRateLimitStore(db: Db): RateLimitStore {
  return {
    async hit(key, limit, windowMs, now = new Date()) {
      const resetAt = new Date(now.getTime() + windowMs);
      for (let attempt = 0; attempt < 5; attempt++) {
        const row =
          // Within the current window: count this hit.
          (await updated(db.rateLimit.update({ where: { key, resetAt: { gt: now } }, data: { count: { increment: 1 } } }))) ??
          // The window is over: start a new one (only one racer matches the old window's row).
          (await updated(db.rateLimit.update({ where: { key, resetAt: { lte: now } }, data: { count: 1, resetAt } }))) ??
          // No row yet: a racing insert of the same key makes us go round again.
          (await db.rateLimit.create({ data: { key, count: 1, resetAt } }).catch((error: unknown) => {
            if (codeOf(error) === "P2002") return null;
            throw error;
          }));
        if (row) return outcome(row.count, limit, row.resetAt.getTime(), now.getTime());
      }
      throw new Error(`rate limit ${key}: too much contention`);
    },
    async reset(key) {
      await db.rateLimit.deleteMany({ where: { key } });
    },
    async close() {},
  };
}

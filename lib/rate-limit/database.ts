// Rate-limit counters in the RateLimit table: each hit is one atomic conditional update that returns its count,
// so concurrent instances never lose or share a hit.
import "server-only";
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

export const PURGE_INTERVAL_MS = 60_000;

export function databaseRateLimitStore(db: Db): RateLimitStore {
  let lastPurge = 0;
  const purgeExpired = async (now = new Date()) => (await db.rateLimit.deleteMany({ where: { resetAt: { lte: now } } })).count;
  return {
    async hit(key, limit, windowMs, now = new Date()) {
      // Counters of windows that are over are deleted now and then, by whichever instance is counting.
      if (now.getTime() - lastPurge >= PURGE_INTERVAL_MS) {
        lastPurge = now.getTime();
        await purgeExpired(now).catch(() => 0);
      }
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
    async peek(key, now = new Date()) {
      const row = await db.rateLimit.findFirst({ where: { key, resetAt: { gt: now } } });
      return row ? { count: row.count, retryAfterSeconds: Math.max(1, Math.ceil((row.resetAt.getTime() - now.getTime()) / 1000)) } : { count: 0, retryAfterSeconds: 0 };
    },
    purgeExpired,
    async reset(key) {
      await db.rateLimit.deleteMany({ where: { key } });
    },
    async close() {},
  };
}

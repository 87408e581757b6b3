// The rate-limit store chosen by RATE_LIMIT_STORE: "database" (default) or "redis" (REDIS_URL, REDIS_KEY_PREFIX).
import "server-only";
import type { Db } from "../db/factory";
import { databaseRateLimitStore } from "./database";
import { redisRateLimitStore } from "./redis";
import type { RateLimitStore } from "./types";

export type { Hit, RateLimitStore } from "./types";

export function rateLimitStoreFromEnv(db: Db, env: NodeJS.ProcessEnv = process.env): RateLimitStore {
  const kind = env.RATE_LIMIT_STORE ?? "database";
  if (kind === "redis") return redisRateLimitStore(env.REDIS_URL ?? "redis://127.0.0.1:6379", env.REDIS_KEY_PREFIX || undefined);
  if (kind === "database") return databaseRateLimitStore(db);
  throw new Error(`RATE_LIMIT_STORE must be "database" or "redis", not "${kind}".`);
}

// Requests per key and day, counted without a database write per request: each instance adds up its requests
// in memory and flushes them once a minute with one additive upsert per key and day (two instances add up, they
// never overwrite each other). The last request's address and user agent go out with the same flush. A crash
// loses at most the unflushed minute.
import "server-only";
import type { RequestMeta } from "../audit/events";
import type { Db } from "../db/factory";
import { requestMetaFrom } from "../request-meta";

export const USAGE_FLUSH_INTERVAL_MS = 60_000;
export const USAGE_DAYS = 30;
// Days kept in the database (a little more than shown); older rows are deleted by a flush at most once an hour.
export const USAGE_RETENTION_DAYS = 35;

const DAY_MS = 86_400_000;

// The UTC day of a moment, "YYYY-MM-DD".
export function usageDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

// The last request of a key: its address and user agent (the API passes its RequestMeta; never the headers, which
// hold the key), read only by the flush, so a request pays for two Map updates and nothing else.
type LastUse = { source: RequestMeta | Headers; at: number };

export interface UsageRecorder {
  record(keyId: number, source: RequestMeta | Headers, now?: Date): void;
}

// One instance's counters. record() never touches the database; flush() writes what was counted since the last one.
export class UsageCounter implements UsageRecorder {
  // UTC day number (days since 1970-01-01) → key id → requests.
  private counts = new Map<number, Map<number, number>>();
  private lastUse = new Map<number, LastUse>();
  private timer: ReturnType<typeof setInterval> | undefined;
  private flushing: Promise<void> | undefined;
  private prunedAt = 0;

  constructor(private readonly db: Db) {}

  record(keyId: number, source: RequestMeta | Headers, now?: Date): void {
    const at = now ? now.getTime() : Date.now();
    const day = Math.floor(at / DAY_MS);
    let perKey = this.counts.get(day);
    if (!perKey) this.counts.set(day, (perKey = new Map()));
    perKey.set(keyId, (perKey.get(keyId) ?? 0) + 1);
    const last = this.lastUse.get(keyId);
    if (last) {
      last.source = source;
      last.at = at;
    } else this.lastUse.set(keyId, { source, at });
  }

  // Requests counted and not yet flushed (for tests and shutdown).
  pending(): number {
    let total = 0;
    for (const perKey of this.counts.values()) for (const n of perKey.values()) total += n;
    return total;
  }

  // Write the counted requests: one additive upsert per key and day, one last-use upsert per key, in one
  // transaction. Keys deleted meanwhile are skipped. On failure the counts are kept for the next flush.
  flush(now = new Date()): Promise<void> {
    // One flush at a time per instance; a second caller waits for the one running, then flushes what is left.
    const run = (this.flushing ?? Promise.resolve()).then(() => this.write(now));
    const settled: Promise<void> = run.then(
      () => undefined,
      () => undefined,
    ).then(() => {
      if (this.flushing === settled) this.flushing = undefined;
    });
    this.flushing = settled;
    return run;
  }

  private async write(now: Date): Promise<void> {
    if (this.counts.size === 0 && this.lastUse.size === 0) return;
    const counts = this.counts;
    const lastUse = this.lastUse;
    this.counts = new Map();
    this.lastUse = new Map();
    try {
      // Keys deleted since their requests add nothing (the day rows would have nowhere to belong).
      const ids = new Set(lastUse.keys());
      for (const perKey of counts.values()) for (const id of perKey.keys()) ids.add(id);
      const alive = new Set((await this.db.apiKey.findMany({ where: { id: { in: [...ids] } }, select: { id: true } })).map((k) => k.id));
      const statements = [];
      for (const [dayNumber, perKey] of counts) {
        const day = usageDay(new Date(dayNumber * DAY_MS));
        for (const [keyId, count] of perKey) {
          if (!alive.has(keyId)) continue;
          // Additive: another instance's flush of the same key and day adds to it, never overwrites it.
          statements.push(
            this.db.$executeRaw`INSERT INTO "ApiKeyUsageDay" ("keyId", "day", "count") SELECT "id", ${day}, ${count} FROM "ApiKey" WHERE "id" = ${keyId}
              ON CONFLICT ("keyId", "day") DO UPDATE SET "count" = "ApiKeyUsageDay"."count" + excluded."count"`,
          );
        }
      }
      for (const [keyId, use] of lastUse) {
        if (!alive.has(keyId)) continue;
        const meta = use.source instanceof Headers ? requestMetaFrom(use.source) : use.source;
        const data = { ip: meta.ip?.slice(0, 100) ?? null, userAgent: meta.userAgent?.slice(0, 300) ?? null, at: new Date(use.at) };
        statements.push(this.db.apiKeyLastUse.upsert({ where: { keyId }, create: { keyId, ...data }, update: data }));
      }
      await this.db.$transaction(statements);
    } catch (error) {
      this.restore(counts, lastUse);
      throw error;
    }
    if (now.getTime() - this.prunedAt >= 3_600_000) {
      this.prunedAt = now.getTime();
      await this.db.apiKeyUsageDay.deleteMany({ where: { day: { lt: usageDay(new Date(now.getTime() - USAGE_RETENTION_DAYS * DAY_MS)) } } });
    }
  }

  private restore(counts: Map<number, Map<number, number>>, lastUse: Map<number, LastUse>) {
    for (const [day, perKey] of counts) {
      let mine = this.counts.get(day);
      if (!mine) this.counts.set(day, (mine = new Map()));
      for (const [keyId, n] of perKey) mine.set(keyId, (mine.get(keyId) ?? 0) + n);
    }
    for (const [keyId, use] of lastUse) if (!this.lastUse.has(keyId)) this.lastUse.set(keyId, use);
  }

  // Flush every interval (the timer never keeps the process alive); failures are logged without arguments.
  start(intervalMs = USAGE_FLUSH_INTERVAL_MS): this {
    this.timer ??= setInterval(() => {
      this.flush().catch((error: Error) => console.error(`api key usage flush failed: ${error.message.split("\n")[0].slice(0, 200)}`));
    }, intervalMs);
    this.timer.unref?.();
    return this;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.flush();
  }
}

export type UsagePoint = { day: string; count: number };

// The last `days` UTC days (oldest first, today last), every day present (0 when unused), per key.
export async function usageByDay(db: Db, keyIds: number[], now = new Date(), days = USAGE_DAYS): Promise<Map<number, UsagePoint[]>> {
  const axis = Array.from({ length: days }, (_, i) => usageDay(new Date(now.getTime() - (days - 1 - i) * DAY_MS)));
  const rows = keyIds.length ? await db.apiKeyUsageDay.findMany({ where: { keyId: { in: keyIds }, day: { gte: axis[0] } }, select: { keyId: true, day: true, count: true } }) : [];
  const byKey = new Map<number, Map<string, number>>();
  for (const row of rows) {
    const days = byKey.get(row.keyId) ?? new Map<string, number>();
    days.set(row.day, row.count);
    byKey.set(row.keyId, days);
  }
  return new Map(keyIds.map((id) => [id, axis.map((day) => ({ day, count: byKey.get(id)?.get(day) ?? 0 }))]));
}

export type KeyUsageDetail = {
  id: number;
  last4: string;
  description: string;
  lastUsedAt: Date | null;
  lastUsedIp: string | null;
  lastUsedUserAgent: string | null;
  days: UsagePoint[];
  total: number;
};

// One key of the account with its 30 days and where it was last used from; null for another account's key.
export async function keyUsageDetail(db: Db, accountId: number, keyId: number, now = new Date()): Promise<KeyUsageDetail | null> {
  const key = await db.apiKey.findFirst({
    where: { id: keyId, accountId },
    select: { id: true, last4: true, description: true, lastUsedAt: true, lastUse: { select: { ip: true, userAgent: true, at: true } } },
  });
  if (!key) return null;
  const days = (await usageByDay(db, [key.id], now)).get(key.id) ?? [];
  const lastUsedAt = [key.lastUsedAt, key.lastUse?.at ?? null].filter((d): d is Date => d !== null).sort((a, b) => b.getTime() - a.getTime())[0] ?? null;
  return {
    id: key.id,
    last4: key.last4,
    description: key.description,
    lastUsedAt,
    lastUsedIp: key.lastUse?.ip ?? null,
    lastUsedUserAgent: key.lastUse?.userAgent ?? null,
    days,
    total: days.reduce((sum, d) => sum + d.count, 0),
  };
}

let appCounter: UsageCounter | undefined;

// The process's counter, flushing every minute from the first request on.
export function appUsageCounter(db: Db): UsageCounter {
  appCounter ??= new UsageCounter(db).start(Number(process.env.USAGE_FLUSH_INTERVAL_MS ?? USAGE_FLUSH_INTERVAL_MS));
  return appCounter;
}

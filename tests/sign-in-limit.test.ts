// Password guessing is limited: per email and per client address (IPv6 /64), checked before any scrypt,
// the same answer whether the email exists, lock-outs that double, counters shared by every instance
// (database and Redis stores), failures aggregated in Activity, and a bounded number of hashes at once.
import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { listEvents } from "@/lib/audit/events";
import { checkCredentials } from "@/lib/auth/credentials";
import { passwordWorkLoad, verifyPassword } from "@/lib/auth/password";
import { SIGN_IN_LIMITS, signInMessage, signInWithPassword } from "@/lib/auth/sign-in-guard";
import { databaseRateLimitStore } from "@/lib/rate-limit/database";
import { redisRateLimitStore } from "@/lib/rate-limit/redis";
import type { RateLimitStore } from "@/lib/rate-limit";
import { freshDb } from "./helpers/db";
import { seedAccount, TEST_PASSWORD } from "./helpers/accounts";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const ip = () => `198.51.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

describe("failed sign-ins", async () => {
  const { db } = await freshDb();
  const redis = [redisRateLimitStore(REDIS_URL), redisRateLimitStore(REDIS_URL)];
  afterAll(() => Promise.all(redis.map((r) => r.close())));
  const stores: [string, RateLimitStore[]][] = [
    ["database", [databaseRateLimitStore(db), databaseRateLimitStore(db)]],
    ["Redis", redis],
  ];

  // checkCredentials, counting how many times it (and so scrypt) runs; wrong passwords are refused without
  // hashing here only to keep the test fast on a busy machine (the guard never sees the difference).
  function counted() {
    const calls = { n: 0 };
    const check: typeof checkCredentials = async (...args) => {
      calls.n++;
      return args[2] === TEST_PASSWORD ? checkCredentials(...args) : null;
    };
    return { calls, check };
  }

  for (const [name, [instanceA, instanceB]] of stores) {
    it(`${name}: an email is locked out after ${SIGN_IN_LIMITS.perEmail} failures across instances, before any hashing, known or not`, async () => {
      const acct = await seedAccount(db);
      const email = acct.users[0].email;
      const unknown = `nobody-${randomBytes(4).toString("hex")}@example.test`;
      const now = new Date();
      for (const target of [email, unknown]) {
        const { calls, check } = counted();
        const results = [];
        for (let i = 0; i < SIGN_IN_LIMITS.perEmail; i++) {
          // Alternate instances and addresses: the limit is per email, in the shared store.
          const limits = i % 2 ? instanceA : instanceB;
          results.push(await signInWithPassword({ db, limits, check }, target.toUpperCase(), "wrong-password", { ip: ip() }, now));
        }
        expect(results.map((r) => (r.ok ? "ok" : r.reason))).toEqual(Array(SIGN_IN_LIMITS.perEmail).fill("invalid"));
        const locked = await signInWithPassword({ db, limits: instanceA, check }, target, TEST_PASSWORD, { ip: ip() }, now);
        expect(locked).toMatchObject({ ok: false, reason: "limited" });
        expect(calls.n).toBe(SIGN_IN_LIMITS.perEmail);
        if (!locked.ok) expect(signInMessage(locked)).toBe("Too many failed sign-ins. Try again in 15 minutes.");
      }
      // Redis keeps real time (its TTLs); the database store lets the test move the clock.
      if (name === "Redis") return;
      // The lock-out ends; the right password then works. The next lock-out lasts twice as long.
      const later = new Date(now.getTime() + SIGN_IN_LIMITS.windowMs + 1_000);
      expect(await signInWithPassword({ db, limits: instanceB }, email, TEST_PASSWORD, { ip: ip() }, later)).toMatchObject({ ok: true });
      const { check } = counted();
      for (let i = 0; i < SIGN_IN_LIMITS.perEmail; i++) await signInWithPassword({ db, limits: instanceA, check }, email, "nope", { ip: ip() }, later);
      const second = await signInWithPassword({ db, limits: instanceA, check }, email, TEST_PASSWORD, { ip: ip() }, later);
      expect(second).toMatchObject({ ok: false, reason: "limited" });
      expect(!second.ok && second.reason === "limited" && second.retryAfterSeconds).toBeGreaterThan(SIGN_IN_LIMITS.windowMs / 1000);
    }, 90_000);

    it(`${name}: a client address (an IPv6 /64) is locked out after ${SIGN_IN_LIMITS.perClient} failures over many emails`, async () => {
      const prefix = `2001:db8:${randomBytes(2).toString("hex")}:1`;
      // Emails of this run only: Redis keeps other runs' counters for the window.
      const run = randomBytes(4).toString("hex");
      const now = new Date();
      const { calls, check } = counted();
      for (let i = 0; i < SIGN_IN_LIMITS.perClient; i++) {
        const result = await signInWithPassword({ db, limits: instanceA, check: async () => null }, `guess${i}-${run}@example.test`, "x", { ip: `${prefix}::${i.toString(16)}` }, now);
        expect(result).toMatchObject({ reason: "invalid" });
      }
      const acct = await seedAccount(db);
      const blocked = await signInWithPassword({ db, limits: instanceB, check }, acct.users[0].email, TEST_PASSWORD, { ip: `${prefix}:ffff::1` }, now);
      expect(blocked).toMatchObject({ ok: false, reason: "limited" });
      expect(calls.n).toBe(0);
      expect(await signInWithPassword({ db, limits: instanceB }, acct.users[0].email, TEST_PASSWORD, { ip: "2001:db8:ffff:2::1" }, now)).toMatchObject({ ok: true });
    });
  }

  it("failures of a known email are one Activity event per window and address, with a count", async () => {
    const acct = await seedAccount(db);
    const email = acct.users[0].email;
    const limits = databaseRateLimitStore(db);
    // Real password checks here: what Activity records comes from checkCredentials itself.
    for (let i = 0; i < 4; i++) await signInWithPassword({ db, limits }, email, `wrong-${i}`, { ip: "203.0.113.50", userAgent: "ua" });
    await signInWithPassword({ db, limits }, email, "wrong-x", { ip: "203.0.113.51", userAgent: "ua" });
    const failed = (await listEvents(db, acct.accountId)).events.filter((e) => e.action === "signin.failed");
    expect(failed.map((e) => [e.ip, e.count])).toEqual([["203.0.113.51", 1], ["203.0.113.50", 4]]);
    expect(JSON.stringify(failed)).not.toContain("wrong-");
  }, 90_000);

  it("at most a few password hashes run at once, whatever the flood", async () => {
    const stored = await (await import("@/lib/auth/password")).hashPassword("flood-password");
    let peak = 0;
    const sampler = setInterval(() => (peak = Math.max(peak, passwordWorkLoad().active)), 2);
    const results = await Promise.allSettled(Array.from({ length: 6 }, () => verifyPassword("guess", stored)));
    clearInterval(sampler);
    expect(results.every((r) => r.status === "fulfilled" && r.value === false)).toBe(true);
    expect(peak).toBeGreaterThanOrEqual(1);
    expect(peak).toBeLessThanOrEqual(2);
  }, 90_000);
});

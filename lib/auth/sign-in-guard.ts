// Password sign-in with a limit on failures, per email and per client address (IPv6 by /64), in the shared
// rate-limit store so it holds across instances. Reaching a limit locks that email or address out; each
// further lock-out within a day lasts twice as long (15 min, 30 min, 1 h … up to a day). A lock-out is checked
// BEFORE any password hashing, so a flood costs no scrypt, and it reads the same whether the email exists.
import "server-only";
import { createHash } from "node:crypto";
import type { RequestMeta } from "../audit/events";
import { QueueFull } from "../concurrency/semaphore";
import type { Db } from "../db/factory";
import { clientKey } from "../rate-limit/client-key";
import type { RateLimitStore } from "../rate-limit";
import { checkCredentials, normalizeEmail, type SignedInUser } from "./credentials";

export const SIGN_IN_LIMITS = { perEmail: 5, perClient: 30, windowMs: 15 * 60_000, maxLockMs: 24 * 60 * 60_000 };

export type SignInResult = { ok: true; user: SignedInUser } | { ok: false; reason: "invalid" } | { ok: false; reason: "limited"; retryAfterSeconds: number };

type Deps = { db: Db; limits: RateLimitStore; check?: typeof checkCredentials };

// Counter keys: the email hashed (the store never holds addresses of people), the client by address or /64.
function subjects(email: string, meta: RequestMeta): { name: string; limit: number }[] {
  const hashed = createHash("sha256").update(normalizeEmail(email)).digest("base64url").slice(0, 22);
  return [
    { name: `signin:email:${hashed}`, limit: SIGN_IN_LIMITS.perEmail },
    { name: `signin:client:${clientKey(meta.ip)}`, limit: SIGN_IN_LIMITS.perClient },
  ];
}

// Seconds left of the longest lock-out on any subject, or 0.
async function lockedFor(limits: RateLimitStore, names: string[], now: Date): Promise<number> {
  const locks = await Promise.all(names.map((name) => limits.peek(`${name}:lock`, now)));
  return Math.max(0, ...locks.filter((l) => l.count > 0).map((l) => l.retryAfterSeconds));
}

// Count a failure; the one that reaches a limit starts a lock-out, twice as long as the previous one that day.
async function countFailure(limits: RateLimitStore, subject: { name: string; limit: number }, now: Date): Promise<void> {
  const failures = await limits.hit(subject.name, subject.limit, SIGN_IN_LIMITS.windowMs, now);
  if (failures.count !== subject.limit) return;
  const strikes = await limits.hit(`${subject.name}:strikes`, Number.MAX_SAFE_INTEGER, SIGN_IN_LIMITS.maxLockMs, now);
  const lockMs = Math.min(SIGN_IN_LIMITS.windowMs * 2 ** (strikes.count - 1), SIGN_IN_LIMITS.maxLockMs);
  await limits.reset(`${subject.name}:lock`);
  await limits.hit(`${subject.name}:lock`, Number.MAX_SAFE_INTEGER, lockMs, now);
  await limits.reset(subject.name);
}

// Sign in with a password, within the limits.
export async function signInWithPassword(deps: Deps, email: string, password: string, meta: RequestMeta = {}, now = new Date()): Promise<SignInResult> {
  const keys = subjects(email, meta);
  const wait = await lockedFor(deps.limits, keys.map((k) => k.name), now);
  if (wait > 0) return { ok: false, reason: "limited", retryAfterSeconds: wait };
  let user: SignedInUser | null;
  try {
    user = await (deps.check ?? checkCredentials)(deps.db, email, password, meta);
  } catch (error) {
    // Too many hashes already waiting in this process: answer at once, as a short lock-out, without hashing.
    if (error instanceof QueueFull) return { ok: false, reason: "limited", retryAfterSeconds: 5 };
    throw error;
  }
  if (user) return { ok: true, user };
  for (const subject of keys) await countFailure(deps.limits, subject, now);
  return { ok: false, reason: "invalid" };
}

// The sign-in form's message for a refusal: the same for unknown emails and wrong passwords.
export function signInMessage(result: Exclude<SignInResult, { ok: true }>): string {
  if (result.reason === "invalid") return "Incorrect email or password.";
  const minutes = Math.max(1, Math.ceil(result.retryAfterSeconds / 60));
  return `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

// Password hashing with scrypt (memory-hard, node:crypto): "scrypt$N$r$p$salt$hash", base64url parts.
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from "node:crypto";
import { Semaphore } from "../concurrency/semaphore";

const N = 2 ** 15;
const R = 8;
const P = 1;
const KEYLEN = 32;

// Each scrypt takes 32 MiB and a core for a while: at most PASSWORD_HASH_CONCURRENCY (default 2) run at once
// in this process and at most 64 wait; beyond that a hash fails fast (QueueFull) instead of piling up.
const work = new Semaphore(Math.max(1, Number(process.env.PASSWORD_HASH_CONCURRENCY) || 2), 64);

// How many password hashes run and wait now.
export function passwordWorkLoad(): { active: number; waiting: number } {
  return work.load;
}

function scrypt(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return work.run(() => scryptNow(password, salt, options));
}

function scryptNow(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCb(password.normalize("NFKC"), salt, KEYLEN, { ...options, maxmem: 256 * options.N! * options.r! }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, { N, r: R, p: P });
  return ["scrypt", N, R, P, salt.toString("base64url"), key.toString("base64url")].join("$");
}

// Constant-time check of a password against a stored hash; false for any malformed hash.
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64url");
  const actual = await scrypt(password, Buffer.from(salt, "base64url"), { N: Number(n), r: Number(r), p: Number(p) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

// A hash to verify against when the email is unknown, so both failures take the same time.
let dummy: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(16).toString("hex"));
  return dummy;
}

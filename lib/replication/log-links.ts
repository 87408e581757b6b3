// Short-lived signed links to a job's log (the original redirects to a pre-signed S3 URL): no key needed to follow.
import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";

export const LOG_LINK_TTL_SECONDS = 300;

const mac = (secret: string, payload: string) => createHmac("sha256", `job-log:${secret}`).update(payload).digest("base64url");

// A token naming the job and its expiry, signed with a server secret.
export function signLogToken(jobId: number, secret: string, now = Date.now()): string {
  const payload = `${jobId}.${Math.floor(now / 1000) + LOG_LINK_TTL_SECONDS}`;
  return `${payload}.${mac(secret, payload)}`;
}

// The job id of a valid, unexpired token; null otherwise.
export function verifyLogToken(token: string, secret: string, now = Date.now()): number | null {
  const match = /^([1-9][0-9]{0,15})\.([0-9]{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  const expected = Buffer.from(mac(secret, `${match[1]}.${match[2]}`));
  const given = Buffer.from(match[3]);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  if (Number(match[2]) * 1000 < now) return null;
  return Number(match[1]);
}

// Bearer authentication of API requests, with failed attempts rate-limited per client address.
import { verifyApiKey, type KeyStore, type VerifiedKey } from "../api-keys/verify";
import { isWellFormedApiKey } from "../api-keys/token";
import type { UsageRecorder } from "../api-keys/usage";
import type { RateLimitStore } from "../rate-limit";
import { tooManyRequests, unauthorized } from "./errors";

export const AUTH_FAILURE_LIMIT = 30;
export const AUTH_FAILURE_WINDOW_MS = 60_000;

const BEARER = /^Bearer[ ]+(\S+)[ ]*$/i;

// usage: counts each verified request in memory (lib/api-keys/usage.ts), never a database write per request.
type AuthServices = { keys: KeyStore; limits: RateLimitStore; pepper: string; usage?: UsageRecorder };

// The key's identity, or the one 401 (or a 429 once an address has failed too often).
export async function authenticate(request: Request, clientAddress: string, services: AuthServices): Promise<VerifiedKey | Response> {
  const token = BEARER.exec(request.headers.get("authorization") ?? "")?.[1];
  // A missing or malformed key (bad checksum included) is refused offline: no database, no counter.
  if (!token || !isWellFormedApiKey(token)) return unauthorized();
  const key = await verifyApiKey(services.keys, token, services.pepper);
  if (key) {
    services.usage?.record(key.keyId, request.headers);
    return key;
  }
  const hit = await services.limits.hit(`auth-failure:${clientAddress}`, AUTH_FAILURE_LIMIT, AUTH_FAILURE_WINDOW_MS);
  if (!hit.allowed) {
    return tooManyRequests(hit.retryAfterSeconds, `Too many failed authentication attempts from this address. Retry after ${hit.retryAfterSeconds} seconds.`);
  }
  return unauthorized();
}

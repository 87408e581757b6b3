// Bearer authentication of API requests, with failed attempts rate-limited per client address.
import "server-only";
import type { RequestMeta } from "../audit/events";
import { recordAddressRefused } from "../api-keys/changes";
import { checkApiKey, type KeyStore, type VerifiedKey } from "../api-keys/verify";
import { isWellFormedApiKey } from "../api-keys/token";
import type { UsageRecorder } from "../api-keys/usage";
import type { Db } from "../db/factory";
import type { RateLimitStore } from "../rate-limit";
import { requestMetaFrom } from "../request-meta";
import { errorResponse, tooManyRequests, unauthorized } from "./errors";

export const AUTH_FAILURE_LIMIT = 30;
export const AUTH_FAILURE_WINDOW_MS = 60_000;
export const ADDRESS_REFUSED_EVENTS = 10;

const BEARER = /^Bearer[ ]+(\S+)[ ]*$/i;
const READ_METHODS = new Set(["GET", "HEAD"]);

// usage: counts each verified request in memory (lib/api-keys/usage.ts), never a database write per request.
// `db` records refusals by a key's allow-list in the account's Activity.
type AuthServices = { keys: KeyStore; limits: RateLimitStore; pepper: string; usage?: UsageRecorder; db?: Db };

// The key's identity, or the one 401 (or a 429 once an address has failed too often), or a 403 for a
// read-only key on anything but GET and HEAD. `meta.ip` is the client's address (lib/request-meta).
export async function authenticate(request: Request, clientAddress: string, services: AuthServices, meta: RequestMeta = requestMetaFrom(request.headers)): Promise<VerifiedKey | Response> {
  const token = BEARER.exec(request.headers.get("authorization") ?? "")?.[1];
  // A missing or malformed key (bad checksum included) is refused offline: no database, no counter.
  if (!token || !isWellFormedApiKey(token)) return unauthorized();
  const check = await checkApiKey(services.keys, token, services.pepper, new Date(), meta.ip ?? null);
  if (check.ok) {
    // The address and user agent only: the request's headers hold the key itself, which must not linger in memory.
    services.usage?.record(check.key.keyId, meta);
    if (check.key.access === "read" && !READ_METHODS.has(request.method.toUpperCase())) return readOnly();
    return check.key;
  }
  const hit = await services.limits.hit(`auth-failure:${clientAddress}`, AUTH_FAILURE_LIMIT, AUTH_FAILURE_WINDOW_MS);
  if (!hit.allowed) {
    return tooManyRequests(hit.retryAfterSeconds, `Too many failed authentication attempts from this address. Retry after ${hit.retryAfterSeconds} seconds.`);
  }
  // Recorded only within the failure limit per address and at most ADDRESS_REFUSED_EVENTS a minute per key,
  // so a stolen key used from many addresses cannot flood Activity.
  const recordable = check.blockedAddress && services.db
    && (await services.limits.hit(`address-refused:${check.blockedAddress.keyId}`, ADDRESS_REFUSED_EVENTS, AUTH_FAILURE_WINDOW_MS)).allowed;
  if (check.blockedAddress && services.db && recordable) {
    await recordAddressRefused(services.db, check.blockedAddress, meta).catch((error: Error) =>
      console.error(`api: allow-list refusal not recorded: ${error.message.split("\n")[0]}`),
    );
  }
  return unauthorized();
}

// The answer to a read-only key asking to change something.
export function readOnly(): Response {
  return errorResponse(403, "Forbidden", "This API key is read-only: it may only use GET and HEAD. Use a key with full access to make changes.");
}

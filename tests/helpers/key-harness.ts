// A fresh database with the Connect API's route handlers running on it, and calls as a client behind one proxy
// makes them: for the key-settings tests (through the domain and through the real handlers).
import { createApiKey, type KeySettings } from "@/lib/api-keys/service";
import { freshDb } from "./db";
import type { Seeded } from "./accounts";

export const PEPPER = "test-pepper-0123456789-0123456789-abcdef";
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

// The database, the route modules on it (with its secrets) and the helpers the tests call them with.
export async function keyHarness() {
  const { db, url } = await freshDb();
  process.env.DATABASE_URL = url;
  process.env.API_KEY_HMAC_SECRET = PEPPER;
  process.env.DATA_ENCRYPTION_KEY ??= "d".repeat(44);
  process.env.TRUSTED_PROXIES = "1";
  const routes = {
    sources: await import("@/app/v4/sources/route"),
    source: await import("@/app/v4/sources/[source_id]/route"),
    hooks: await import("@/app/notifications/public/v1/api/hooks/route"),
    self: await import("@/app/v4/keys/self/route"),
  };

  let addressSeq = 0;
  // A request as it reaches the app behind one proxy: the proxy appended the client's address to X-Forwarded-For.
  function call(handler: Handler, method: string, token: string, options: { forwardedFor?: string; params?: Record<string, string>; body?: unknown } = {}) {
    const headers: Record<string, string> = {
      authorization: `Bearer ${token}`,
      // A fresh address per request unless given: the failed-authentication limit must not get in the way.
      "x-forwarded-for": options.forwardedFor ?? `192.0.2.${(addressSeq++ % 250) + 1}`,
      "user-agent": "vitest",
    };
    if (options.body !== undefined) headers["content-type"] = "application/json";
    const request = new Request(`http://localhost/v4/x`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
    return handler(request, { params: Promise.resolve(options.params ?? {}) });
  }

  async function keyFor(acct: Seeded, description = "ci", settings: KeySettings = {}) {
    const r = await createApiKey(db, { accountId: acct.accountId, userId: acct.users[0].id }, description, PEPPER, {}, settings);
    if (!r.ok) throw new Error(r.message);
    return r.value;
  }

  return { db, url, ...routes, call, keyFor };
}

export async function answer(response: Response) {
  return { status: response.status, body: await response.json(), auth: response.headers.get("www-authenticate") };
}

export const actorOf = (acct: Seeded) => ({ accountId: acct.accountId, userId: acct.users[0].id });

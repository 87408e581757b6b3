// The handlers of the account's and the unauthenticated route contracts (lib/http/routes/account.ts).
import "server-only";
import { emailLeakNotice, parseLeakPublicKeys } from "../../api-keys/leaks";
import { findKeyIdentity } from "../../api-keys/self";
import { auditEventsPage } from "../../audit/api-page";
import { connectServices } from "../../connect/services";
import { db } from "../../db/client";
import { ok } from "../../connect/result";
import { rateLimitStoreFromEnv, type RateLimitStore } from "../../rate-limit";
import { readSecret } from "../../secrets";
import { jsonResponse } from "../errors";
import { keyLeakResponse } from "../key-leaks";
import { openApiDocument } from "../openapi";
import { found } from "../reply";
import * as routes from "../routes/account";
import { endpoints, serveKey, serveOpen } from "../serve";
import { auditEventsPageWire, keySelfWire } from "../wire/audit";

// The key's account's audit trail, newest first, 100 events per page.
export const auditEventsEndpoints = endpoints(
  serveKey(routes.listAuditEvents, async ({ query }, ctx) => ok(auditEventsPageWire(await auditEventsPage(ctx.db, ctx.key.accountId, query.page)))),
);

// The key the request is made with, as it may see itself.
export const keySelfEndpoints = endpoints(
  serveKey(routes.keySelf, async (_in, ctx) => found(await findKeyIdentity(ctx.db, ctx.key.keyId, ctx.key.accountId), "The key", keySelfWire)),
);

// Health check for load balancers: the app answers and its database does too.
export const healthEndpoints = endpoints(
  serveOpen(routes.health, async () => {
    try {
      await db.$queryRawUnsafe("SELECT 1");
      return jsonResponse({ status: "ok" });
    } catch {
      return jsonResponse({ status: "unavailable" }, 503);
    }
  }),
);

let limits: RateLimitStore | undefined;
let keys: { from: string | undefined; parsed: ReturnType<typeof parseLeakPublicKeys> } | undefined;

// A secret scanner's leak report, signed by the scanner (the handler reads and checks the raw body).
export const keyLeaksEndpoints = endpoints(
  serveOpen(routes.keyLeaks, async ({ request }) => {
    const services = connectServices();
    limits ??= rateLimitStoreFromEnv(services.db);
    const from = process.env.KEY_LEAK_PUBLIC_KEYS;
    if (!keys || keys.from !== from) keys = { from, parsed: parseLeakPublicKeys(from) };
    return keyLeakResponse(request, { db: services.db, limits, pepper: readSecret("API_KEY_HMAC_SECRET"), publicKeys: keys.parsed, notify: emailLeakNotice });
  }),
);

// The OpenAPI 3.1 document (public: it describes the API, it grants nothing).
export const openApiEndpoints = endpoints(
  serveOpen(routes.openApi, async () => jsonResponse(openApiDocument(), 200, { "Cache-Control": "public, max-age=300" })),
);

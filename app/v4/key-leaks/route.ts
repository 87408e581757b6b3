// A secret scanner's leak report (see docs/api-keys.md, "Leak reports"): signed by the scanner, not by a key.
import { emailLeakNotice, parseLeakPublicKeys } from "@/lib/api-keys/leaks";
import { connectServices } from "@/lib/connect/services";
import { openRoute, otherVerbs } from "@/lib/http/handler";
import { keyLeakResponse } from "@/lib/http/key-leaks";
import { rateLimitStoreFromEnv, type RateLimitStore } from "@/lib/rate-limit";
import { readSecret } from "@/lib/secrets";

let limits: RateLimitStore | undefined;
let keys: { from: string | undefined; parsed: ReturnType<typeof parseLeakPublicKeys> } | undefined;

export const POST = openRoute(async (request) => {
  const { db } = connectServices();
  limits ??= rateLimitStoreFromEnv(db);
  const from = process.env.KEY_LEAK_PUBLIC_KEYS;
  if (!keys || keys.from !== from) keys = { from, parsed: parseLeakPublicKeys(from) };
  return keyLeakResponse(request, { db, limits, pepper: readSecret("API_KEY_HMAC_SECRET"), publicKeys: keys.parsed, notify: emailLeakNotice });
});

export const { GET, PUT, PATCH, DELETE } = otherVerbs("POST");

// A secret scanner's leak report (see docs/api-keys.md, "Leak reports"): signed by the scanner, not by a key.
import { parseLeakPublicKeys, type LeakNotifier } from "@/lib/api-keys/leaks";
import { connectServices } from "@/lib/connect/services";
import { openRoute, otherVerbs } from "@/lib/http/handler";
import { keyLeakResponse } from "@/lib/http/key-leaks";
import { sendKeyLeakedEmail } from "@/lib/mail";
import { rateLimitStoreFromEnv, type RateLimitStore } from "@/lib/rate-limit";
import { readSecret } from "@/lib/secrets";

let limits: RateLimitStore | undefined;
let keys: { from: string | undefined; parsed: ReturnType<typeof parseLeakPublicKeys> } | undefined;

// Every owner is e-mailed when SMTP is set; without it the key.leaked event in Activity is the notice.
const notify: LeakNotifier = async (notice) => {
  let sent = false;
  const where = notice.url ? `found at ${notice.url}` : "found by a secret scanner";
  for (const to of notice.ownerEmails) sent = (await sendKeyLeakedEmail(to, notice.accountName, notice.keyLabel, where).catch(() => false)) || sent;
  return sent;
};

export const POST = openRoute(async (request) => {
  const { db } = connectServices();
  limits ??= rateLimitStoreFromEnv(db);
  const from = process.env.KEY_LEAK_PUBLIC_KEYS;
  if (!keys || keys.from !== from) keys = { from, parsed: parseLeakPublicKeys(from) };
  return keyLeakResponse(request, { db, limits, pepper: readSecret("API_KEY_HMAC_SECRET"), publicKeys: keys.parsed, notify });
});

export const { GET, PUT, PATCH, DELETE } = otherVerbs("POST");

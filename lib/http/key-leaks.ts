// POST /v4/key-leaks: a secret scanner's report (GitHub's partner program shape). Not authenticated by a Bobbin
// key but by the scanner's signature; rate-limited per client address like the other unauthenticated endpoints.
import "server-only";
import { checkLeakSignature, leakReportSchema, processLeakReport, type LeakNotifier, type LeakPublicKey } from "../api-keys/leaks";
import type { Db } from "../db/factory";
import type { RateLimitStore } from "../rate-limit";
import { clientKey } from "../rate-limit/client-key";
import { requestMetaFrom } from "../request-meta";
import { fieldErrors, readBytesCapped } from "./body";
import { errorResponse, jsonResponse, tooManyRequests } from "./errors";

export const KEY_LEAK_LIMIT = 60;
export const KEY_LEAK_WINDOW_MS = 60_000;
export const MAX_LEAK_REPORT_BYTES = 1024 * 1024;

export type KeyLeakServices = { db: Db; limits: RateLimitStore; pepper: string; publicKeys: LeakPublicKey[]; notify?: LeakNotifier };

export async function keyLeakResponse(request: Request, services: KeyLeakServices): Promise<Response> {
  const meta = requestMetaFrom(request.headers);
  const hit = await services.limits.hit(`key-leaks:${clientKey(meta.ip)}`, KEY_LEAK_LIMIT, KEY_LEAK_WINDOW_MS);
  if (!hit.allowed) return tooManyRequests(hit.retryAfterSeconds, `Too many leak reports from this address. Retry after ${hit.retryAfterSeconds} seconds.`);
  const declared = Number(request.headers.get("content-length") ?? "0");
  const body = declared > MAX_LEAK_REPORT_BYTES ? null : await readBytesCapped(request, MAX_LEAK_REPORT_BYTES); // the signature covers these exact bytes
  if (!body) return errorResponse(400, "PayloadTooLarge", `A leak report is at most ${MAX_LEAK_REPORT_BYTES / 1024} KiB; send the matches in several reports.`);
  const check = checkLeakSignature(services.publicKeys, body, request.headers.get("github-public-key-identifier"), request.headers.get("github-public-key-signature"));
  if (check === "unsigned") {
    return errorResponse(401, "Unauthorized", "A leak report must be signed: send Github-Public-Key-Identifier and Github-Public-Key-Signature.");
  }
  if (check !== "valid") {
    return errorResponse(403, "Forbidden", "The report's signature does not verify with any public key configured for leak reports.");
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(body));
  } catch {
    return errorResponse(400, "InvalidBody", "The report is not valid JSON.");
  }
  const parsed = leakReportSchema.safeParse(json);
  if (!parsed.success) {
    return errorResponse(400, "InvalidBody", "A report is a JSON array of {token, type, url, source}; see fields.", { fields: fieldErrors(parsed.error) });
  }
  const { answers } = await processLeakReport(services.db, services.pepper, parsed.data, services.notify, meta);
  return jsonResponse(answers);
}

// HTTP plumbing of the job endpoints: the client-id guard, the page parameter, the rate limits, the actor.
import "server-only";
import { parsePageParam } from "../audit/api-page";
import type { SyncActor } from "../replication/sync";
import { ApiProblem, tooManyRequests, unauthorized } from "./errors";
import type { ApiContext } from "./handler";

// Starts: a burst of 10 a minute per account. Polling (extractions, loads, logs together): 600 per 10 minutes
// per account, i.e. one a second on average; integrations poll every 10 s, far below it.
export const START_LIMIT = { limit: 10, windowMs: 60_000 };
export const POLL_LIMIT = { limit: 600, windowMs: 600_000 };

// The {stitch_client_id} of the path must be the key's account: anything else is 401, as the original answers.
export function clientIdMismatch(ctx: ApiContext): Response | null {
  const raw = ctx.params.stitch_client_id;
  return typeof raw === "string" && raw === String(ctx.key.accountId) ? null : unauthorized();
}

// ?page=N, default 1.
export function pageParam(request: Request): number {
  const page = parsePageParam(new URL(request.url).searchParams.get("page"));
  if (page === null) throw new ApiProblem(400, "InvalidQuery", "page must be a whole number from 1 to 100000.", { page: "Use a positive whole number." });
  return page;
}

// Count one request against a per-account limit; a 429 with Retry-After when over it.
export async function overLimit(ctx: ApiContext, name: "start" | "poll"): Promise<Response | null> {
  const { limit, windowMs } = name === "start" ? START_LIMIT : POLL_LIMIT;
  const hit = await ctx.limits.hit(`jobs-${name}:${ctx.key.accountId}`, limit, windowMs);
  if (hit.allowed) return null;
  const what = name === "start" ? `at most ${limit} job starts a minute` : `at most ${limit} requests to the jobs endpoints per 10 minutes`;
  return tooManyRequests(hit.retryAfterSeconds, `This account may make ${what}. Retry after ${hit.retryAfterSeconds} seconds.`);
}

// The key acts for its creator; the audit trail names the key.
export async function keyActor(ctx: ApiContext): Promise<SyncActor> {
  const key = await ctx.db.apiKey.findUniqueOrThrow({ where: { id: ctx.key.keyId }, select: { last4: true } });
  return { type: "key", keyId: ctx.key.keyId, last4: key.last4, userId: ctx.key.userId };
}

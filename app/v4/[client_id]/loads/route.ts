// The latest load attempt per stream (60 days), 100 a page: {data, page, total, links}.
import { jsonResponse } from "@/lib/http/errors";
import { keyRoute, otherVerbs } from "@/lib/http/handler";
import { clientIdMismatch, overLimit, pageParam } from "@/lib/http/jobs-api";
import { loadWire, pageWire } from "@/lib/http/wire/jobs";
import { listLoads } from "@/lib/replication/reports";

export const GET = keyRoute(async (request, ctx) => {
  const refused = clientIdMismatch(ctx) ?? (await overLimit(ctx, "poll"));
  if (refused) return refused;
  const page = await listLoads(ctx.db, ctx.key.accountId, pageParam(request));
  return jsonResponse(pageWire(page, `/v4/${ctx.key.accountId}/loads`, loadWire));
});

export const { POST, PUT, PATCH, DELETE } = otherVerbs("GET");

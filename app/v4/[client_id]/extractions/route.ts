// The last completed extraction per source (60 days), 100 a page: {data, page, total, links}.
import { jsonResponse } from "@/lib/http/errors";
import { keyRoute, otherVerbs } from "@/lib/http/handler";
import { clientIdMismatch, overLimit, pageParam } from "@/lib/http/jobs-api";
import { extractionWire, pageWire } from "@/lib/http/wire/jobs";
import { listExtractions } from "@/lib/replication/reports";

export const GET = keyRoute(async (request, ctx) => {
  const refused = clientIdMismatch(ctx) ?? (await overLimit(ctx, "poll"));
  if (refused) return refused;
  const page = await listExtractions(ctx.db, ctx.key.accountId, pageParam(request));
  return jsonResponse(pageWire(page, `/v4/${ctx.key.accountId}/extractions`, extractionWire));
});

export const { POST, PUT, PATCH, DELETE } = otherVerbs("GET");

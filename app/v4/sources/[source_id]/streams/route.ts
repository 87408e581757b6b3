// The discovered streams (tables and views) of a source, with their stream-level metadata.
import { listStreamSummaries } from "@/lib/connect/stream-access";
import { foundOr404, idParam, keyRoute, otherVerbs } from "@/lib/http/handler";

export const GET = keyRoute(async (_request, ctx) => {
  return foundOr404(await listStreamSummaries(ctx.db, ctx.key.accountId, idParam(ctx, "source_id", "Source")), "The source");
});

export const { POST, PUT, PATCH, DELETE } = otherVerbs("GET");

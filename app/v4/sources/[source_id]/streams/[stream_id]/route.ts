// One stream: its JSON Schema (as a string) and its breadcrumb metadata.
import { getStreamDetail } from "@/lib/connect/stream-access";
import { foundOr404, idParam, keyRoute, otherVerbs } from "@/lib/http/handler";

export const GET = keyRoute(async (_request, ctx) => {
  const sourceId = idParam(ctx, "source_id", "Source");
  const streamId = idParam(ctx, "stream_id", "Stream");
  return foundOr404(await getStreamDetail(ctx.db, ctx.key.accountId, sourceId, streamId), "The stream");
});

export const { POST, PUT, PATCH, DELETE } = otherVerbs("GET");

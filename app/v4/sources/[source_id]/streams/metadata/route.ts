// Select streams and fields (all or nothing); returns {"status": 200}.
import { updateStreamMetadata } from "@/lib/connect/stream-access";
import { parseBody } from "@/lib/http/body";
import { idParam, keyRoute, resultResponse, otherVerbs } from "@/lib/http/handler";
import { streamSelectionSchema } from "@/lib/validation/connect";

export const PUT = keyRoute(async (request, ctx) => {
  const sourceId = idParam(ctx, "source_id", "Source");
  const input = await parseBody(request, streamSelectionSchema);
  return resultResponse(await updateStreamMetadata(ctx.db, ctx.key.accountId, sourceId, input));
});

export const { GET, POST, PATCH, DELETE } = otherVerbs("PUT");

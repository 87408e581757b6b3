// Check the destination's connection now (our addition): {"status": "succeeded"|"failed", "error", "checked_at"}.
import { checkDestination } from "@/lib/connect/destination-check";
import { jsonResponse } from "@/lib/http/errors";
import { idParam, keyRoute, otherVerbs, resultResponse } from "@/lib/http/handler";
import { wireTime } from "@/lib/http/wire/time";

export const POST = keyRoute(async (_request, ctx) => {
  const result = await checkDestination(ctx, ctx.key.accountId, idParam(ctx, "destination_id", "Destination"));
  if (!result.ok) return resultResponse(result);
  return jsonResponse({ status: result.value.status, error: result.value.error, checked_at: wireTime(result.value.checkedAt) });
});

export const { GET, PUT, PATCH, DELETE } = otherVerbs("POST");

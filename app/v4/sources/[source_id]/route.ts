// One source: GET (also paused or deleted), PUT (name, properties, pause), DELETE (soft).
import { deleteSource, getSource, updateSource } from "@/lib/connect/sources";
import { apiChangeBy } from "@/lib/http/change-by";
import { parseBody } from "@/lib/http/body";
import { foundOr404, idParam, keyRoute, resultResponse, otherVerbs } from "@/lib/http/handler";
import { updateSourceSchema } from "@/lib/validation/connect";

export const GET = keyRoute(async (_request, ctx) => {
  return foundOr404(await getSource(ctx.db, ctx.key.accountId, idParam(ctx, "source_id", "Source")), "The source");
});

export const PUT = keyRoute(async (request, ctx) => {
  const id = idParam(ctx, "source_id", "Source");
  const input = await parseBody(request, updateSourceSchema);
  return resultResponse(await updateSource(ctx, ctx.key.accountId, id, input, await apiChangeBy(request, ctx)));
});

export const DELETE = keyRoute(async (request, ctx) => {
  return resultResponse(await deleteSource(ctx.db, ctx.key.accountId, idParam(ctx, "source_id", "Source"), await apiChangeBy(request, ctx)));
});

export const { POST, PATCH } = otherVerbs("GET", "PUT", "DELETE");

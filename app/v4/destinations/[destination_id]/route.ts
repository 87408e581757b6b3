// One destination: GET, PUT (its type cannot change), DELETE (answers {}).
import { deleteDestination, getDestination, updateDestination } from "@/lib/connect/destinations";
import { apiChangeBy } from "@/lib/http/change-by";
import { parseBody } from "@/lib/http/body";
import { foundOr404, idParam, keyRoute, resultResponse, otherVerbs } from "@/lib/http/handler";
import { updateDestinationSchema } from "@/lib/validation/connect";

const id = (ctx: Parameters<Parameters<typeof keyRoute>[0]>[1]) => idParam(ctx, "destination_id", "Destination");

export const GET = keyRoute(async (_request, ctx) => foundOr404(await getDestination(ctx.db, ctx.key.accountId, id(ctx)), "The destination"));

export const PUT = keyRoute(async (request, ctx) => {
  const target = id(ctx);
  const input = await parseBody(request, updateDestinationSchema);
  return resultResponse(await updateDestination(ctx, ctx.key.accountId, target, input, await apiChangeBy(request, ctx)));
});

export const DELETE = keyRoute(async (request, ctx) =>
  resultResponse(await deleteDestination(ctx.db, ctx.key.accountId, id(ctx), await apiChangeBy(request, ctx))),
);

export const { POST, PATCH } = otherVerbs("GET", "PUT", "DELETE");

// One destination: GET, PUT (its type cannot change), DELETE (answers {}).
import { deleteDestination, getDestination, updateDestination } from "@/lib/connect/destinations";
import { otherVerbs, route } from "@/lib/http/handler";
import * as contracts from "@/lib/http/routes";
import { destinationJson } from "@/lib/http/wire";
import { map, ok } from "@/lib/result";

export const GET = route(contracts.getDestination, async ({ params }, ctx) => {
  const found = await getDestination(ctx.db, ctx.key.accountId, params.destination_id);
  return found && ok(destinationJson(found));
});

export const PUT = route(contracts.updateDestination, async ({ params, body }, ctx) =>
  map(await updateDestination(ctx, ctx.key.accountId, params.destination_id, body), destinationJson),
);

export const DELETE = route(contracts.deleteDestination, async ({ params }, ctx) => map(await deleteDestination(ctx.db, ctx.key.accountId, params.destination_id), () => ({})));

export const { POST, PATCH } = otherVerbs("GET", "PUT", "DELETE");

// GET: every destination of the key's account. POST: create one.
import { createDestination, listDestinations } from "@/lib/connect/destinations";
import { apiChangeBy } from "@/lib/http/change-by";
import { parseBody } from "@/lib/http/body";
import { jsonResponse } from "@/lib/http/errors";
import { keyRoute, resultResponse, otherVerbs } from "@/lib/http/handler";
import { createDestinationSchema } from "@/lib/validation/connect";

export const GET = keyRoute(async (_request, { db, key }) => jsonResponse(await listDestinations(db, key.accountId)));

export const POST = keyRoute(async (request, ctx) => {
  const input = await parseBody(request, createDestinationSchema);
  return resultResponse(await createDestination(ctx, ctx.key.accountId, input, await apiChangeBy(request, ctx)));
});

export const { PUT, PATCH, DELETE } = otherVerbs("GET", "POST");

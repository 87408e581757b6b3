// GET: every source of the key's account. POST: create one (its check and discovery start at once).
import { createSource, listSources } from "@/lib/connect/sources";
import { apiChangeBy } from "@/lib/http/change-by";
import { parseBody } from "@/lib/http/body";
import { jsonResponse } from "@/lib/http/errors";
import { keyRoute, resultResponse, otherVerbs } from "@/lib/http/handler";
import { createSourceSchema } from "@/lib/validation/connect";

export const GET = keyRoute(async (_request, { db, key }) => jsonResponse(await listSources(db, key.accountId)));

export const POST = keyRoute(async (request, ctx) => {
  const input = await parseBody(request, createSourceSchema);
  return resultResponse(await createSource(ctx, ctx.key.accountId, input, await apiChangeBy(request, ctx)));
});

export const { PUT, PATCH, DELETE } = otherVerbs("GET", "POST");

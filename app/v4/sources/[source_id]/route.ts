// One source: GET (also paused or deleted), PUT (name, properties, pause), DELETE (soft).
import { deleteSource, getSource, updateSource } from "@/lib/connect/sources";
import { otherVerbs, route } from "@/lib/http/handler";
import * as contracts from "@/lib/http/routes";
import { sourceJson } from "@/lib/http/wire";
import { map, ok } from "@/lib/result";

export const GET = route(contracts.getSource, async ({ params }, ctx) => {
  const source = await getSource(ctx.db, ctx.key.accountId, params.source_id);
  return source && ok(sourceJson(source));
});

export const PUT = route(contracts.updateSource, async ({ params, body }, ctx) => map(await updateSource(ctx, ctx.key.accountId, params.source_id, body), sourceJson));

export const DELETE = route(contracts.deleteSource, async ({ params }, ctx) => map(await deleteSource(ctx.db, ctx.key.accountId, params.source_id), sourceJson));

export const { POST, PATCH } = otherVerbs("GET", "PUT", "DELETE");

// GET: every source of the key's account. POST: create one (its check and discovery start at once).
import { createSource, listSources } from "@/lib/connect/sources";
import { otherVerbs, route } from "@/lib/http/handler";
import * as contracts from "@/lib/http/routes";
import { sourceJson } from "@/lib/http/wire";
import { map, ok } from "@/lib/result";

export const GET = route(contracts.listSources, async (_input, { db, key }) => ok((await listSources(db, key.accountId)).map(sourceJson)));

export const POST = route(contracts.createSource, async ({ body }, ctx) => map(await createSource(ctx, ctx.key.accountId, body), sourceJson));

export const { PUT, PATCH, DELETE } = otherVerbs("GET", "POST");

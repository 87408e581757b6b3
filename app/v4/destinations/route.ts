// GET: every destination of the key's account. POST: create one.
import { createDestination, listDestinations } from "@/lib/connect/destinations";
import { otherVerbs, route } from "@/lib/http/handler";
import * as contracts from "@/lib/http/routes";
import { destinationJson } from "@/lib/http/wire";
import { map, ok } from "@/lib/result";

export const GET = route(contracts.listDestinations, async (_input, { db, key }) => ok((await listDestinations(db, key.accountId)).map(destinationJson)));

export const POST = route(contracts.createDestination, async ({ body }, ctx) => map(await createDestination(ctx, ctx.key.accountId, body), destinationJson));

export const { PUT, PATCH, DELETE } = otherVerbs("GET", "POST");

// Run the source's connection check and discovery again (our addition); returns the source with its new check_job_name.
import { checkSource } from "@/lib/connect/sources";
import { otherVerbs, route } from "@/lib/http/handler";
import * as contracts from "@/lib/http/routes";
import { sourceJson } from "@/lib/http/wire";
import { map } from "@/lib/result";

export const POST = route(contracts.checkSource, async ({ params }, ctx) => map(await checkSource(ctx, ctx.key.accountId, params.source_id), sourceJson));

export const { GET, PUT, PATCH, DELETE } = otherVerbs("POST");

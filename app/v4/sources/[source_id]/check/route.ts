// Run the source's connection check and discovery again (our addition); returns the source with its new check_job_name.
import { checkSource } from "@/lib/connect/sources";
import { idParam, keyRoute, resultResponse, otherVerbs } from "@/lib/http/handler";

export const POST = keyRoute(async (_request, ctx) => {
  return resultResponse(await checkSource(ctx, ctx.key.accountId, idParam(ctx, "source_id", "Source")));
});

export const { GET, PUT, PATCH, DELETE } = otherVerbs("POST");

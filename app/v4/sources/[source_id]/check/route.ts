// Run the source's connection check and discovery again (our addition); returns the source with its new check_job_name.
import { checkSource } from "@/lib/connect/sources";
import { apiChangeBy } from "@/lib/http/change-by";
import { idParam, keyRoute, resultResponse, otherVerbs } from "@/lib/http/handler";

export const POST = keyRoute(async (request, ctx) => {
  return resultResponse(await checkSource(ctx, ctx.key.accountId, idParam(ctx, "source_id", "Source"), await apiChangeBy(request, ctx)));
});

export const { GET, PUT, PATCH, DELETE } = otherVerbs("POST");

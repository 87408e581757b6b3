// The status of the source's last connection check and discovery (running, succeeded or failed).
import { lastCheckOf } from "@/lib/connect/stream-access";
import { foundOr404, idParam, keyRoute, otherVerbs } from "@/lib/http/handler";

export const GET = keyRoute(async (_request, ctx) => {
  return foundOr404(await lastCheckOf(ctx.db, ctx.key.accountId, idParam(ctx, "source_id", "Source")), "The source or its connection check");
});

export const { POST, PUT, PATCH, DELETE } = otherVerbs("GET");

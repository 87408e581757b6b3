// The delivery log of one hook (our addition): its 100 latest attempts, newest first.
import { jsonResponse, notFound } from "@/lib/http/errors";
import { idParam, keyRoute, otherVerbs } from "@/lib/http/handler";
import { listHookDeliveries } from "@/lib/notifications/hooks";

export const GET = keyRoute(async (_request, ctx) => {
  const log = await listHookDeliveries(ctx.db, ctx.key.accountId, idParam(ctx, "id", "Hook"));
  return log ? jsonResponse(log) : notFound("The hook");
});

export const { POST, PUT, PATCH, DELETE } = otherVerbs("GET");

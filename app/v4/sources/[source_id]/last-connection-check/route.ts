// The status of the source's last connection check and discovery (running, succeeded or failed).
import { lastCheckOf } from "@/lib/connect/stream-access";
import { otherVerbs, route } from "@/lib/http/handler";
import { lastConnectionCheck } from "@/lib/http/routes";
import { checkJson } from "@/lib/http/wire";
import { ok } from "@/lib/result";

export const GET = route(lastConnectionCheck, async ({ params }, ctx) => {
  const check = await lastCheckOf(ctx.db, ctx.key.accountId, params.source_id);
  return check && ok(checkJson(check));
});

export const { POST, PUT, PATCH, DELETE } = otherVerbs("GET");

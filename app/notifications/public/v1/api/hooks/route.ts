// GET: the account's hooks as {post_load: [...]}. POST {type: "post_load", destination_id, config: {url}}: create one.
import { parseBody } from "@/lib/http/body";
import { jsonResponse } from "@/lib/http/errors";
import { keyRoute, otherVerbs, resultResponse } from "@/lib/http/handler";
import { createHook, listHooks } from "@/lib/notifications/hooks";
import { createHookSchema } from "@/lib/validation/notifications";

export const GET = keyRoute(async (_request, { db, key }) => jsonResponse(await listHooks(db, key.accountId)));

export const POST = keyRoute(async (request, ctx) => {
  const input = await parseBody(request, createHookSchema);
  return resultResponse(await createHook(ctx, ctx.key, input));
});

export const { PUT, PATCH, DELETE } = otherVerbs("GET", "POST");

// PUT {enable: true|false}: enable or disable a hook. DELETE: remove it (answers null).
import { parseBody } from "@/lib/http/body";
import { idParam, keyRoute, otherVerbs, resultResponse } from "@/lib/http/handler";
import { deleteHook, setHookEnabled } from "@/lib/notifications/hooks";
import { updateHookSchema } from "@/lib/validation/notifications";

export const PUT = keyRoute(async (request, ctx) => {
  const id = idParam(ctx, "id", "Hook");
  const input = await parseBody(request, updateHookSchema);
  return resultResponse(await setHookEnabled(ctx.db, ctx.key, id, input.enable));
});

export const DELETE = keyRoute(async (_request, ctx) => resultResponse(await deleteHook(ctx.db, ctx.key, idParam(ctx, "id", "Hook"))));

export const { GET, POST, PATCH } = otherVerbs("PUT", "DELETE");

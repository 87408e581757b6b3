// PUT {disabled_at: "<time>"|null}: disable or re-enable a custom email. DELETE: remove it (answers [1]).
import { parseBody } from "@/lib/http/body";
import { idParam, keyRoute, otherVerbs, resultResponse } from "@/lib/http/handler";
import { deleteCustomEmail, setCustomEmailDisabled } from "@/lib/notifications/custom-emails";
import { updateCustomEmailSchema } from "@/lib/validation/notifications";

export const PUT = keyRoute(async (request, ctx) => {
  const id = idParam(ctx, "id", "Custom email");
  const input = await parseBody(request, updateCustomEmailSchema);
  return resultResponse(await setCustomEmailDisabled(ctx.db, ctx.key, id, input.disabled_at !== null));
});

export const DELETE = keyRoute(async (_request, ctx) => resultResponse(await deleteCustomEmail(ctx.db, ctx.key, idParam(ctx, "id", "Custom email"))));

export const { GET, POST, PATCH } = otherVerbs("PUT", "DELETE");

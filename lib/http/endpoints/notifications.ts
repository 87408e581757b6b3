// The handlers of the notifications API's route contracts (lib/http/routes/notifications.ts).
import "server-only";
import { ok } from "../../connect/result";
import { createCustomEmail, deleteCustomEmail, listCustomEmails, setCustomEmailDisabled } from "../../notifications/custom-emails";
import { createHook, deleteHook, listHookDeliveries, listHooks, setHookEnabled } from "../../notifications/hooks";
import { found, mapped } from "../reply";
import * as routes from "../routes/notifications";
import { endpoints, serveKey } from "../serve";
import { customEmailWire, hookDeliveryWire, hookWire } from "../wire/notifications";

export const customEmailsEndpoints = endpoints(
  // The account's custom notification emails.
  serveKey(routes.listCustomEmails, async (_in, ctx) => ok((await listCustomEmails(ctx.db, ctx.key.accountId)).map(customEmailWire))),
  // Add one.
  serveKey(routes.createCustomEmail, async ({ body }, ctx) => mapped(await createCustomEmail(ctx.db, ctx.key, body.email_address), customEmailWire)),
);

export const customEmailEndpoints = endpoints(
  // Disable or re-enable a custom email.
  serveKey(routes.updateCustomEmail, async ({ params, body }, ctx) =>
    mapped(await setCustomEmailDisabled(ctx.db, ctx.key, params.id, body.disabled_at !== null), customEmailWire),
  ),
  // Remove it; answers [1] as the original does.
  serveKey(routes.deleteCustomEmail, async ({ params }, ctx) => mapped(await deleteCustomEmail(ctx.db, ctx.key, params.id), () => [1 as const])),
);

export const hooksEndpoints = endpoints(
  // The account's hooks as the original lists them: {post_load: [...]}.
  serveKey(routes.listHooks, async (_in, ctx) => ok({ post_load: (await listHooks(ctx.db, ctx.key.accountId)).map(hookWire) })),
  // Create one; the answer carries its signing secret, the only time it is shown.
  serveKey(routes.createHook, async ({ body }, ctx) => mapped(await createHook(ctx, ctx.key, body), (hook) => ({ ...hookWire(hook), secret: hook.secret }))),
);

export const hookEndpoints = endpoints(
  // Enable or disable a hook.
  serveKey(routes.updateHook, async ({ params, body }, ctx) => mapped(await setHookEnabled(ctx.db, ctx.key, params.id, body.enable), hookWire)),
  // Remove it and its delivery log; answers null as the original does.
  serveKey(routes.deleteHook, async ({ params }, ctx) => mapped(await deleteHook(ctx.db, ctx.key, params.id), () => null)),
);

// The delivery log of one hook (our addition): its 100 latest attempts, newest first.
export const hookDeliveriesEndpoints = endpoints(
  serveKey(routes.listHookDeliveries, async ({ params }, ctx) =>
    found(await listHookDeliveries(ctx.db, ctx.key.accountId, params.id), "The hook", (rows) => ({ data: rows.map(hookDeliveryWire) })),
  ),
);

// Route contracts of the notifications API: custom emails, post-load hooks and our hook delivery log.
import { z } from "zod";
import { deletedCustomEmailSchema } from "../../validation/answers";
import {
  createCustomEmailSchema,
  createdHookSchema,
  createHookSchema,
  customEmailSchema,
  hookDeliveriesSchema,
  hookListSchema,
  hookSchema,
  updateCustomEmailSchema,
  updateHookSchema,
} from "../../validation/notifications";
import { contract, idParam } from "../contract";

const API = "/notifications/public/v1/api";
const email = z.object({ id: idParam("Custom email") });
const hook = z.object({ id: idParam("Hook") });
const json = <S extends z.ZodType>(schema: S) => ({ schema, read: "json" as const });

export const listCustomEmails = contract({
  method: "GET", path: `${API}/custom-emails`, auth: "key", summary: "The account's custom notification emails, disabled ones included", response: z.array(customEmailSchema),
});
export const createCustomEmail = contract({
  method: "POST", path: `${API}/custom-emails`, auth: "key", summary: "Add a custom email (stored lower-cased; at most 10 per account)",
  body: json(createCustomEmailSchema), response: customEmailSchema, errors: [400],
});
export const updateCustomEmail = contract({
  method: "PUT", path: `${API}/custom-emails/{id}`, auth: "key", summary: "Disable (any disabled_at timestamp: now) or re-enable (null) a custom email; answers the custom email",
  params: email, body: json(updateCustomEmailSchema), response: customEmailSchema, errors: [400, 404],
});
export const deleteCustomEmail = contract({
  method: "DELETE", path: `${API}/custom-emails/{id}`, auth: "key", summary: "Delete a custom email; answers [1]", params: email, response: deletedCustomEmailSchema, errors: [400, 404],
});
export const listHooks = contract({ method: "GET", path: `${API}/hooks`, auth: "key", summary: "The account's post-load hooks, disabled ones included", response: hookListSchema });
export const createHook = contract({
  method: "POST", path: `${API}/hooks`, auth: "key",
  summary: "Create a post-load hook on a destination (at most 10 per account). The URL must be http(s) and not internal. The answer carries the signing secret, shown only once",
  body: json(createHookSchema), response: createdHookSchema, errors: [400],
});
export const updateHook = contract({
  method: "PUT", path: `${API}/hooks/{id}`, auth: "key", summary: "Enable (true) or disable (false) a hook", params: hook, body: json(updateHookSchema), response: hookSchema, errors: [400, 404],
});
export const deleteHook = contract({
  method: "DELETE", path: `${API}/hooks/{id}`, auth: "key", summary: "Delete a hook and its delivery log; answers null", params: hook, response: z.null(), errors: [400, 404],
});
export const listHookDeliveries = contract({
  method: "GET", path: `${API}/hooks/{id}/deliveries`, auth: "key", summary: "The hook's delivery log (our addition): its 100 latest attempts, newest first",
  params: hook, response: hookDeliveriesSchema, errors: [400, 404],
});

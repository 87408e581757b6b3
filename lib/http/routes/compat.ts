// The contracts of the original's remaining endpoints: destination types, Import API tokens (refused) and the
// notifications API (custom emails, post-load hooks and our hook delivery log).
import { createCustomEmailSchema, createHookSchema, updateCustomEmailSchema, updateHookSchema } from "../../validation/notifications";
import "../../validation/destination-types";
import { params, typeParam, type Contract } from "./contract";

const NOTIFICATIONS = "/notifications/public/v1/api";
const REFUSED = "Import API sources only. Bobbin has none: 400 ImportApiNotSupported for a source of the account, 404 for any other id";
const tokens = params("source_id");
const one = params("id");

export const COMPAT_ROUTES: Contract[] = [
  { method: "get", path: "/v4/destination-types", summary: "The catalogue of destination types (report cards with form properties and details)", response: "DestinationType", list: true },
  { method: "get", path: "/v4/destination-types/{type}", params: typeParam("postgres"), summary: "One destination type, e.g. postgres", response: "DestinationType", errors: [404] },
  { method: "get", path: "/v4/sources/{source_id}/tokens", params: tokens, summary: `List Import API tokens: ${REFUSED}`, response: "Error", errors: [400, 404] },
  { method: "post", path: "/v4/sources/{source_id}/tokens", params: tokens, summary: `Create an Import API token: ${REFUSED}`, response: "Error", errors: [400, 404] },
  {
    method: "delete",
    path: "/v4/sources/{source_id}/tokens/{token_id}",
    params: params("source_id", "token_id"),
    summary: `Revoke an Import API token: ${REFUSED}`,
    response: "Error",
    errors: [400, 404],
  },
  { method: "get", path: `${NOTIFICATIONS}/custom-emails`, summary: "The account's custom notification emails, disabled ones included", response: "CustomEmail", list: true },
  {
    method: "post",
    path: `${NOTIFICATIONS}/custom-emails`,
    summary: "Add a custom email (stored lower-cased; at most 10 per account)",
    body: createCustomEmailSchema,
    response: "CustomEmail",
    errors: [400],
  },
  {
    method: "put",
    path: `${NOTIFICATIONS}/custom-emails/{id}`,
    params: one,
    summary: "Disable (any disabled_at timestamp: now) or re-enable (null) a custom email; answers the custom email",
    body: updateCustomEmailSchema,
    response: "CustomEmail",
    errors: [400, 404],
  },
  {
    method: "delete",
    path: `${NOTIFICATIONS}/custom-emails/{id}`,
    params: one,
    summary: "Delete a custom email; answers [1]",
    response: { type: "array", items: { const: 1 } },
    errors: [400, 404],
  },
  { method: "get", path: `${NOTIFICATIONS}/hooks`, summary: "The account's post-load hooks, disabled ones included", response: "HookList" },
  {
    method: "post",
    path: `${NOTIFICATIONS}/hooks`,
    summary: "Create a post-load hook on a destination (at most 10 per account). The URL must be http(s) and not internal. The answer carries the signing secret, shown only once",
    body: createHookSchema,
    response: "CreatedHook",
    errors: [400],
  },
  { method: "put", path: `${NOTIFICATIONS}/hooks/{id}`, params: one, summary: "Enable (true) or disable (false) a hook", body: updateHookSchema, response: "Hook", errors: [400, 404] },
  { method: "delete", path: `${NOTIFICATIONS}/hooks/{id}`, params: one, summary: "Delete a hook and its delivery log; answers null", response: { type: "null" }, errors: [400, 404] },
  {
    method: "get",
    path: `${NOTIFICATIONS}/hooks/{id}/deliveries`,
    params: one,
    summary: "The hook's delivery log (our addition): its 100 latest attempts, newest first",
    response: "HookDeliveries",
    errors: [400, 404],
  },
];

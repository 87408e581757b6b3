// OpenAPI paths of the original's remaining endpoints: destination types, Import API tokens (refused) and the
// notifications API (custom emails, post-load hooks and our hook delivery log).
import "../validation/destination-types";
import "../validation/notifications";
import type { PathItem } from "./openapi";

const SOURCE_ID = { name: "source_id", in: "path", required: true, schema: { type: "integer", minimum: 1 } };
const TOKEN_ID = { name: "token_id", in: "path", required: true, schema: { type: "integer", minimum: 1 } };
const ID = { name: "id", in: "path", required: true, schema: { type: "integer", minimum: 1 } };
const TYPE = { name: "type", in: "path", required: true, schema: { type: "string" }, example: "postgres" };
const NOTIFICATIONS = "/notifications/public/v1/api";
const REFUSED = "Import API sources only. Bobbin has none: 400 ImportApiNotSupported for a source of the account, 404 for any other id";

export const COMPAT_PATHS: Record<string, PathItem> = {
  "/v4/destination-types": { ops: { get: { summary: "The catalogue of destination types (report cards with form properties and details)", response: "DestinationType", list: true } } },
  "/v4/destination-types/{type}": { params: [TYPE], ops: { get: { summary: "One destination type, e.g. postgres", response: "DestinationType", errors: [404] } } },
  "/v4/sources/{source_id}/tokens": {
    params: [SOURCE_ID],
    ops: { get: { summary: `List Import API tokens: ${REFUSED}`, response: "Error", errors: [400, 404] }, post: { summary: `Create an Import API token: ${REFUSED}`, response: "Error", errors: [400, 404] } },
  },
  "/v4/sources/{source_id}/tokens/{token_id}": {
    params: [SOURCE_ID, TOKEN_ID],
    ops: { delete: { summary: `Revoke an Import API token: ${REFUSED}`, response: "Error", errors: [400, 404] } },
  },
  [`${NOTIFICATIONS}/custom-emails`]: {
    ops: {
      get: { summary: "The account's custom notification emails, disabled ones included", response: "CustomEmail", list: true },
      post: { summary: "Add a custom email (stored lower-cased; at most 10 per account)", body: "CreateCustomEmail", response: "CustomEmail", errors: [400] },
    },
  },
  [`${NOTIFICATIONS}/custom-emails/{id}`]: {
    params: [ID],
    ops: {
      put: { summary: "Disable (any disabled_at timestamp: now) or re-enable (null) a custom email; answers the custom email", body: "UpdateCustomEmail", response: "CustomEmail", errors: [400, 404] },
      delete: { summary: "Delete a custom email; answers [1]", response: { type: "array", items: { const: 1 } }, errors: [400, 404] },
    },
  },
  [`${NOTIFICATIONS}/hooks`]: {
    ops: {
      get: { summary: "The account's post-load hooks, disabled ones included", response: "HookList" },
      post: {
        summary: "Create a post-load hook on a destination (at most 10 per account). The URL must be http(s) and not internal. The answer carries the signing secret, shown only once",
        body: "CreateHook",
        response: "CreatedHook",
        errors: [400],
      },
    },
  },
  [`${NOTIFICATIONS}/hooks/{id}`]: {
    params: [ID],
    ops: {
      put: { summary: "Enable (true) or disable (false) a hook", body: "UpdateHook", response: "Hook", errors: [400, 404] },
      delete: { summary: "Delete a hook and its delivery log; answers null", response: { type: "null" }, errors: [400, 404] },
    },
  },
  [`${NOTIFICATIONS}/hooks/{id}/deliveries`]: {
    params: [ID],
    ops: { get: { summary: "The hook's delivery log (our addition): its 100 latest attempts, newest first", response: "HookDeliveries", errors: [400, 404] } },
  },
};

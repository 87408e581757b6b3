// The OpenAPI 3.1 document of the Connect API, made from the zod schemas that validate requests.
import { z } from "zod";
import * as keySelfShapes from "../validation/api-key-self";
import * as auditShapes from "../validation/audit";
import * as shapes from "../validation/connect";
import * as jobShapes from "../validation/jobs";
import { MAX_BODY_BYTES } from "./body";
import { COMPAT_PATHS } from "./openapi-compat-paths";

type Ref = { $ref: string };
export type Operation = { summary: string; body?: string; response?: string | Ref | object; list?: boolean; errors?: number[] };

const ref = (id: string): Ref => ({ $ref: `#/components/schemas/${id}` });
const SOURCE_ID = { name: "source_id", in: "path", required: true, schema: { type: "integer", minimum: 1 } };
const DESTINATION_ID = { name: "destination_id", in: "path", required: true, schema: { type: "integer", minimum: 1 } };
const PAGE = { name: "page", in: "query", required: false, schema: { type: "integer", minimum: 1, maximum: 100000, default: 1 } };
const STREAM_ID = { name: "stream_id", in: "path", required: true, schema: { type: "integer", minimum: 1 } };
const CLIENT_ID = { name: "stitch_client_id", in: "path", required: true, schema: { type: "integer" }, description: "The key's account id; any other → 401" };
const JOB_NAME = { name: "job_name", in: "path", required: true, schema: { type: "string" } };
const TYPE = { name: "type", in: "path", required: true, schema: { type: "string" }, example: "platform.postgres" };

export type PathItem = { params?: object[]; ops: Record<string, Operation> };

const PATHS: Record<string, PathItem> = {
  "/v4/sources": {
    ops: {
      get: { summary: "List every source of the account (active, paused and deleted)", response: "Source", list: true },
      post: { summary: "Create a source; a complete form starts its connection check and discovery", body: "CreateSource", response: "Source", errors: [400] },
    },
  },
  "/v4/sources/{source_id}": {
    params: [SOURCE_ID],
    ops: {
      get: { summary: "One source, also when paused or deleted", response: "Source", errors: [400, 404] },
      put: { summary: "Update display_name, properties or paused_at (any timestamp pauses now, null unpauses)", body: "UpdateSource", response: "Source", errors: [400, 404] },
      delete: { summary: "Soft-delete a source; it is returned with deleted_at set", response: "Source", errors: [400, 404] },
    },
  },
  "/v4/sources/{source_id}/last-connection-check": {
    params: [SOURCE_ID],
    ops: { get: { summary: "Status of the last connection check and discovery (running, succeeded, failed); 404 when none ran", response: "ConnectionCheck", errors: [400, 404] } },
  },
  "/v4/sources/{source_id}/check": {
    params: [SOURCE_ID],
    ops: { post: { summary: "Run the connection check and discovery again (our addition); returns the source with its new check_job_name", response: "Source", errors: [400, 404] } },
  },
  "/v4/sources/{source_id}/streams": {
    params: [SOURCE_ID],
    ops: { get: { summary: "The discovered streams (tables and views) with their stream-level metadata", response: "StreamSummary", list: true, errors: [400, 404] } },
  },
  "/v4/sources/{source_id}/streams/{stream_id}": {
    params: [SOURCE_ID, STREAM_ID],
    ops: { get: { summary: "One stream: its JSON Schema as a string and its breadcrumb metadata", response: "StreamSchema", errors: [400, 404] } },
  },
  "/v4/sources/{source_id}/streams/metadata": {
    params: [SOURCE_ID],
    ops: {
      put: {
        summary:
          "Select streams and fields, all or nothing: a stream before its fields; automatic fields stay selected; unsupported fields and discoverable metadata refused; INCREMENTAL needs a replication-key column; only from the field_selection step on",
        body: "StreamSelection",
        response: { type: "object", properties: { status: { const: 200 } }, required: ["status"] },
        errors: [400, 404],
      },
    },
  },
  "/v4/source-types": { ops: { get: { summary: "The catalogue of source types", response: "SourceType", list: true } } },
  "/v4/source-types/{type}": { params: [TYPE], ops: { get: { summary: "One source type with its properties and steps", response: "SourceType", errors: [404] } } },
  "/v4/destinations": {
    ops: {
      get: { summary: "List the account's destinations", response: "Destination", list: true },
      post: { summary: "Create a destination", body: "CreateDestination", response: "Destination", errors: [400] },
    },
  },
  "/v4/destinations/{destination_id}": {
    params: [DESTINATION_ID],
    ops: {
      get: { summary: "One destination", response: "Destination", errors: [400, 404] },
      put: { summary: "Update a destination (its type cannot change)", body: "UpdateDestination", response: "Destination", errors: [400, 404] },
      delete: { summary: "Delete a destination", response: { type: "object", additionalProperties: false }, errors: [400, 404] },
    },
  },
  "/v4/destinations/{destination_id}/check": {
    params: [DESTINATION_ID],
    ops: {
      post: {
        summary: "Check the destination's connection now (our addition): connects, and checks the user may create schemas",
        response: { type: "object", properties: { status: { enum: ["succeeded", "failed"] }, error: { type: ["string", "null"] }, checked_at: { type: "string" } }, required: ["status", "error", "checked_at"] },
        errors: [400, 404],
      },
    },
  },
  "/v4/sources/{source_id}/sync": {
    params: [SOURCE_ID],
    ops: {
      post: {
        summary: "Start a replication job (no body). A job already queued or running: 200 with error.type already_running. Unknown or deleted source: 400 invalid_source. 429 past 10 starts a minute per account",
        response: { oneOf: [ref("SyncStarted"), ref("SyncAlreadyRunning")] },
        errors: [400],
      },
      delete: { summary: "Stop the source's job (a queued one at once, a running one within seconds); {\"status\": 200} also when none runs", response: { type: "object", properties: { status: { const: 200 } } }, errors: [400] },
    },
  },
  "/v4/{stitch_client_id}/extractions": {
    params: [CLIENT_ID, PAGE],
    ops: { get: { summary: "Per source its last completed extraction (60 days), by source_id, 100 per page", response: "ExtractionsPage", errors: [400] } },
  },
  "/v4/{stitch_client_id}/extractions/{job_name}": {
    params: [CLIENT_ID, JOB_NAME],
    ops: {
      get: {
        summary: "302 to a short-lived (5 min) signed URL serving the job's log as text/plain; 404 when the account has no such job",
        response: { description: "Never 200: the answer is a 302 with Location" },
        errors: [404],
      },
    },
  },
  "/v4/{stitch_client_id}/loads": {
    params: [CLIENT_ID, PAGE],
    ops: { get: { summary: "Per stream its latest load attempt (60 days), by stream_name, 100 per page", response: "LoadsPage", errors: [400] } },
  },
  "/v4/audit-events": {
    params: [PAGE],
    ops: { get: { summary: "The account's audit trail (key and team changes, failed sign-ins), newest first, 100 per page", response: "AuditEventsPage", errors: [400] } },
  },
  "/v4/keys/self": {
    ops: { get: { summary: "The key this request is made with: last 4, description, account, access, expiry and allow-list (never the key itself)", response: "KeySelf" } },
  },
  ...COMPAT_PATHS,
};

const ERROR_TEXT: Record<number, string> = {
  400: `Invalid request: malformed JSON, wrong content type, a body over ${MAX_BODY_BYTES / 1024} KiB, unknown or invalid fields (InvalidBody, InvalidProperties, InvalidId, InvalidQuery …).`,
  401: "Missing, malformed, unknown, disabled, expired or deleted key, a request from an address outside the key's allow-list, or its creator left the account (the answer does not say which).",
  403: "A read-only key asked for anything but GET or HEAD (type Forbidden).",
  404: "No such resource in the key's account (another account's ids look exactly like ids that do not exist).",
  429: "Too many failed authentication attempts from this address, or past a jobs limit (starts: 10 a minute; extractions, loads and logs: 600 per 10 minutes per account); see Retry-After.",
};

const errorResponse = (status: number) => ({
  description: ERROR_TEXT[status],
  ...(status === 401 ? { headers: { "WWW-Authenticate": { schema: { type: "string" } } } } : {}),
  ...(status === 429 ? { headers: { "Retry-After": { schema: { type: "integer" } } } } : {}),
  content: { "application/json": { schema: ref("Error") } },
});

function operation(op: Operation, verb: string) {
  const schema = typeof op.response === "string" ? ref(op.response) : op.response;
  const responses: Record<string, object> = {
    200: { description: "OK", content: { "application/json": { schema: op.list ? { type: "array", items: schema } : schema } } },
  };
  // A read-only key is refused (403) on every verb but GET and HEAD.
  const writes = !/^(get|head)$/.test(verb);
  for (const status of [...(op.errors ?? []), 401, ...(writes ? [403] : []), 429]) responses[status] = errorResponse(status);
  return {
    summary: op.summary,
    ...(op.body ? { requestBody: { required: true, content: { "application/json": { schema: ref(op.body) } } } } : {}),
    responses,
  };
}

function components() {
  void [shapes, auditShapes, jobShapes, keySelfShapes]; // the schemas register their ids on import
  const { schemas } = z.toJSONSchema(z.globalRegistry, { target: "draft-2020-12", io: "input", uri: (id) => `#/components/schemas/${id}`, unrepresentable: "any" });
  return Object.fromEntries(Object.entries(schemas).map(([id, { $schema: _s, $id: _i, ...schema }]) => [id, schema]));
}

let cached: object | undefined;

export function openApiDocument(): object {
  cached ??= {
    openapi: "3.1.0",
    info: {
      title: "Bobbin Connect API",
      version: "4",
      description:
        "Control an account's integrations with an API access key (Account Settings → API access keys). " +
        "Send `Authorization: Bearer <key>` and JSON bodies with `Content-Type: application/json`. " +
        'Every error has one shape: `{"error": {"type", "message", "fields"}}`.',
    },
    servers: [{ url: "/" }],
    security: [{ apiKey: [] }],
    paths: {
      "/v4/health": {
        get: { summary: "Health check for load balancers (no key needed)", security: [], responses: { 200: { description: "The app and its database answer" }, 503: { description: "The database does not answer" } } },
      },
      "/v4/key-leaks": {
        post: {
          summary:
            "A secret scanner's leak report (GitHub's secret-scanning partner shape), signed by the scanner instead of a key: Github-Public-Key-Identifier and Github-Public-Key-Signature (base64 DER ECDSA P-256/SHA-256 of the raw body) against KEY_LEAK_PUBLIC_KEYS. Every reported Bobbin key is disabled at once and audited (key.leaked). 60 reports a minute per address",
          security: [],
          requestBody: {
            required: true,
            content: { "application/json": { schema: { type: "array", items: { type: "object", properties: { token: { type: "string" }, type: { type: "string" }, url: { type: "string" }, source: { type: "string" } }, required: ["token"] } } } },
          },
          responses: {
            200: {
              description: "One answer per reported token, in order",
              content: { "application/json": { schema: { type: "array", items: { type: "object", properties: { token_raw: { type: "string" }, token_type: { type: "string" }, label: { enum: ["true_positive", "false_positive"] } }, required: ["token_raw", "token_type", "label"] } } } },
            },
            400: { description: "Not a JSON array of {token, type, url, source}, or over 1 MiB", content: { "application/json": { schema: ref("Error") } } },
            401: { description: "Unsigned: a signature header is missing", content: { "application/json": { schema: ref("Error") } } },
            403: { description: "The signature does not verify with a configured public key (or none is configured)", content: { "application/json": { schema: ref("Error") } } },
            429: { description: "Too many reports from this address; see Retry-After", content: { "application/json": { schema: ref("Error") } } },
          },
        },
      },
      ...Object.fromEntries(
        Object.entries(PATHS).map(([path, { params, ops }]) => [
          path,
          { ...(params ? { parameters: params } : {}), ...Object.fromEntries(Object.entries(ops).map(([verb, op]) => [verb, operation(op, verb)])) },
        ]),
      ),
    },
    components: {
      securitySchemes: { apiKey: { type: "http", scheme: "bearer", description: "An API access key, e.g. bobbin_…" } },
      schemas: components(),
    },
  };
  return cached;
}

// The OpenAPI 3.1 document of the Connect API, generated from the route contracts (lib/http/routes) by
// @asteasolutions/zod-to-openapi: the same zod schemas validate requests and describe the answers.
import { OpenAPIRegistry, OpenApiGeneratorV31, type ResponseConfig, type RouteConfig } from "@asteasolutions/zod-to-openapi";
import type { z } from "zod";
import { errorSchema } from "../validation/connect";
import { MAX_BODY_BYTES } from "./body";
import type { Contract } from "./contract";
import { ALL_ROUTES } from "./routes";

const ERROR_TEXT: Record<number, string> = {
  400: `Invalid request: malformed JSON, wrong content type, a body over ${MAX_BODY_BYTES / 1024} KiB, unknown or invalid fields (InvalidBody, InvalidProperties, InvalidId, InvalidQuery …).`,
  401: "Missing, malformed, unknown, disabled, expired or deleted key, a request from an address outside the key's allow-list, or its creator left the account (the answer does not say which).",
  403: "A read-only key asked for anything but GET or HEAD (type Forbidden).",
  404: "No such resource in the key's account (another account's ids look exactly like ids that do not exist).",
  429: "Too many failed authentication attempts from this address, or past a jobs limit (starts: 10 a minute; extractions, loads and logs: 600 per 10 minutes per account); see Retry-After.",
};

const HEADERS: Record<number, ResponseConfig["headers"]> = {
  401: { "WWW-Authenticate": { schema: { type: "string" } } },
  429: { "Retry-After": { schema: { type: "integer" } } },
};

// The shared answer of an error status, in the one error shape.
function errorResponse(status: number): ResponseConfig {
  return { description: ERROR_TEXT[status], ...(HEADERS[status] ? { headers: HEADERS[status] } : {}), content: { "application/json": { schema: errorSchema } } };
}

// A contract as an OpenAPI operation: its 200 (or its own answers), its errors, and a key route's 401, 403 on writes, 429.
function operation(c: Contract): RouteConfig {
  const responses: Record<number, ResponseConfig> = {};
  if (c.response) responses[200] = { description: "OK", content: { "application/json": { schema: c.response } } };
  Object.assign(responses, c.responses);
  // A read-only key is refused (403) on every verb but GET and HEAD.
  const keyErrors = c.auth === "key" ? [401, ...(c.method === "GET" ? [] : [403]), 429] : [];
  for (const status of [...(c.errors ?? []), ...keyErrors]) responses[status] ??= errorResponse(status);
  return {
    method: c.method.toLowerCase() as RouteConfig["method"],
    path: c.path,
    summary: c.summary,
    ...(c.auth === "open" ? { security: [] } : {}),
    request: {
      ...(c.params ? { params: c.params as z.ZodObject } : {}),
      ...(c.query ? { query: c.query as z.ZodObject } : {}),
      ...(c.body ? { body: { required: true, content: { "application/json": { schema: c.body.schema } } } } : {}),
    },
    responses,
  };
}

function generate(): object {
  const registry = new OpenAPIRegistry();
  registry.registerComponent("securitySchemes", "apiKey", { type: "http", scheme: "bearer", description: "An API access key, e.g. bobbin_…" });
  for (const c of ALL_ROUTES) registry.registerPath(operation(c));
  const doc = new OpenApiGeneratorV31(registry.definitions).generateDocument({
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
  });
  for (const item of Object.values(doc.paths ?? {})) hoistParameters(item as PathItem);
  return doc;
}

type PathItem = Record<string, { parameters?: unknown[] } | unknown[] | undefined> & { parameters?: unknown[] };

// Parameters every operation of a path shares are the path's (as clients and the reference page expect them).
function hoistParameters(item: PathItem) {
  const ops = Object.values(item).filter((op): op is { parameters?: unknown[] } => typeof op === "object" && op !== null && !Array.isArray(op));
  const first = JSON.stringify(ops[0]?.parameters ?? null);
  if (first === "null" || ops.some((op) => JSON.stringify(op.parameters ?? null) !== first)) return;
  item.parameters = ops[0].parameters;
  for (const op of ops) delete op.parameters;
}

let cached: object | undefined;

// The document (made once per process).
export function openApiDocument(): object {
  cached ??= generate();
  return cached;
}

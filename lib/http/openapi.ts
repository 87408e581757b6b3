// The OpenAPI 3.1 document of the Connect API, made from the route contracts (routes.ts) and their zod schemas.
import { OpenAPIRegistry, OpenApiGeneratorV31, type ResponseConfig, type RouteConfig } from "@asteasolutions/zod-to-openapi";
import { MAX_BODY_BYTES } from "./body";
import { declaredRoutes, type Contract } from "./contract";
import { errorSchema } from "./responses";
import "./routes"; // declares every route

const ERROR_TEXT: Record<number, string> = {
  400: `Invalid request: malformed JSON, wrong content type, a body over ${MAX_BODY_BYTES / 1024} KiB, unknown or invalid fields (InvalidBody, InvalidProperties, InvalidId, InvalidQuery …).`,
  401: "Missing, malformed, unknown, disabled or deleted key, or its creator left the account (the answer does not say which).",
  404: "No such resource in the key's account (another account's ids look exactly like ids that do not exist).",
  429: "Too many failed authentication attempts from this address; see Retry-After.",
  503: "The database does not answer.",
};

const HEADERS: Record<number, NonNullable<ResponseConfig["headers"]>> = {
  401: { "WWW-Authenticate": { schema: { type: "string" } } },
  429: { "Retry-After": { schema: { type: "integer" } } },
};

function errorResponse(status: number) {
  return { description: ERROR_TEXT[status], ...(HEADERS[status] ? { headers: HEADERS[status] } : {}), content: { "application/json": { schema: errorSchema } } };
}

function path(contract: Contract): RouteConfig {
  const open = contract.auth === "none";
  const responses: RouteConfig["responses"] = { 200: { description: "OK", content: { "application/json": { schema: contract.response } } } };
  for (const status of [...(contract.errors ?? []), ...(open ? [] : [401, 429])]) responses[status] = errorResponse(status);
  return {
    method: contract.method,
    path: contract.path,
    summary: contract.summary,
    ...(open ? { security: [] } : {}),
    request: {
      ...(contract.params ? { params: contract.params } : {}),
      ...(contract.query ? { query: contract.query } : {}),
      ...(contract.body ? { body: { required: true, content: { "application/json": { schema: contract.body } } } } : {}),
    },
    responses,
  } as RouteConfig;
}

let cached: object | undefined;

// The document /v4/openapi.json serves.
export function openApiDocument(): object {
  if (cached) return cached;
  const registry = new OpenAPIRegistry();
  registry.registerComponent("securitySchemes", "apiKey", { type: "http", scheme: "bearer", description: "An API access key, e.g. bobbin_…" });
  for (const contract of declaredRoutes()) registry.registerPath(path(contract));
  cached = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "Bobbin Connect API",
      version: "4",
      description:
        "Control an account's integrations with an API access key (Account Settings → API access keys). " +
        "Send `Authorization: Bearer <key>` and JSON bodies with `Content-Type: application/json`. " +
        'Every error has one shape: `{"error": {"type", "message", "fields"}}`. ' +
        "Every time is UTC to the second: `2019-05-28T13:52:23Z`.",
    },
    servers: [{ url: "/" }],
    security: [{ apiKey: [] }],
  });
  return cached;
}

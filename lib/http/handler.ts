// Route handler plumbing: authenticate the key, turn expected failures and surprises into the one error shape.
import "server-only";
import type { VerifiedKey } from "../api-keys/verify";
import type { Failure } from "../connect/result";
import { clientKey } from "../rate-limit/client-key";
import { requestMetaFrom } from "../request-meta";
import { authenticate } from "./auth";
import type { Verb } from "./contract";
import { apiServices } from "./context";
import { ApiProblem, errorResponse, jsonResponse } from "./errors";

type Services = ReturnType<typeof apiServices>;
export type ApiContext = Services & { key: VerifiedKey; params: Record<string, string | string[]> };
export type RouteContext = { params: Promise<Record<string, string | string[]>> };
export type NextHandler = (request: Request, route: RouteContext) => Promise<Response>;

const STATUS = { NotFound: 404, Conflict: 409, InvalidProperties: 400, InvalidBody: 400 } as const;

// A route that needs an API key; the handler acts as the key's creator, in the key's account only.
export function keyRoute(handler: (request: Request, context: ApiContext) => Promise<Response>): NextHandler {
  return async (request, route) => {
    try {
      const services = apiServices();
      const meta = requestMetaFrom(request.headers);
      const key = await authenticate(request, clientKey(meta.ip), services, meta);
      if (key instanceof Response) return key;
      return await handler(request, { ...services, key, params: await route.params });
    } catch (error) {
      return failureResponse(error);
    }
  };
}

// A route without authentication (health, the OpenAPI document, signed links and reports).
export function openRoute(handler: (request: Request, params: Record<string, string | string[]>) => Promise<Response>): NextHandler {
  return async (request, route) => {
    try {
      return await handler(request, await route.params);
    } catch (error) {
      return failureResponse(error);
    }
  };
}

// An expected problem in the one error shape; anything else a logged 500.
function failureResponse(error: unknown): Response {
  if (error instanceof ApiProblem) return error.toResponse();
  // Log the kind and the first line only: request bodies and query arguments never reach the log.
  const { name = "Error", message = String(error), code } = (error ?? {}) as Error & { code?: unknown };
  const line = message.split("\n").find((l) => l.trim()) ?? "";
  console.error(`api: unexpected ${name}${typeof code === "string" ? ` ${code}` : ""}: ${line.trim().slice(0, 200)}`);
  return errorResponse(500, "InternalError", "Something went wrong on our side. Try again later.");
}

// The response for a domain result: the value as JSON, or the failure in the one error shape.
export function resultResponse<T>(result: { ok: true; value: T } | Failure, status = 200): Response {
  if (result.ok) return jsonResponse(result.value, status);
  return errorResponse(STATUS[result.code], result.code, result.message, { fields: result.fields });
}

// The answer to a verb a path does not offer: 405 in the one error shape, with Allow.
export function methodNotAllowed(allowed: Verb[]): () => Response {
  return () => errorResponse(405, "MethodNotAllowed", `This path accepts ${allowed.join(", ")}.`, { headers: { Allow: allowed.join(", ") } });
}

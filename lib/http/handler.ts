// Route handler wrappers: authenticate the key, parse ids, turn expected failures into the one error shape.
import "server-only";
import type { VerifiedKey } from "../api-keys/verify";
import type { Failure } from "../connect/result";
import { clientKey } from "../rate-limit/client-key";
import { requestMetaFrom } from "../request-meta";
import { authenticate } from "./auth";
import { apiServices } from "./context";
import { ApiProblem, errorResponse, jsonResponse, notFound } from "./errors";

type Services = ReturnType<typeof apiServices>;
export type ApiContext = Services & { key: VerifiedKey; params: Record<string, string | string[]> };
type RouteContext = { params: Promise<Record<string, string | string[]>> };

const STATUS = { NotFound: 404, Conflict: 409, InvalidProperties: 400, InvalidBody: 400 } as const;

// A route that needs an API key; the handler acts as the key's creator, in the key's account only.
export function keyRoute(handler: (request: Request, context: ApiContext) => Promise<Response>) {
  return async (request: Request, route: RouteContext): Promise<Response> => {
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

// A route without authentication (health, the OpenAPI document).
export function openRoute(handler: (request: Request) => Promise<Response> | Response) {
  return async (request: Request): Promise<Response> => {
    try {
      return await handler(request);
    } catch (error) {
      return failureResponse(error);
    }
  };
}

function failureResponse(error: unknown): Response {
  if (error instanceof ApiProblem) return error.toResponse();
  // Log the kind and the first line only: request bodies and query arguments never reach the log.
  const { name = "Error", message = String(error), code } = (error ?? {}) as Error & { code?: unknown };
  const line = message.split("\n").find((l) => l.trim()) ?? "";
  console.error(`api: unexpected ${name}${typeof code === "string" ? ` ${code}` : ""}: ${line.trim().slice(0, 200)}`);
  return errorResponse(500, "InternalError", "Something went wrong on our side. Try again later.");
}

// A positive integer id from the path, or a 400 InvalidId.
export function idParam(context: ApiContext, name: string, label: string): number {
  const raw = context.params[name];
  const id = typeof raw === "string" && /^[1-9][0-9]{0,15}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(id)) throw new ApiProblem(400, "InvalidId", `${label} ids are positive integers.`);
  return id;
}

// The response for a domain result: the value as JSON, or the failure in the one error shape.
export function resultResponse<T>(result: { ok: true; value: T } | Failure, status = 200): Response {
  if (result.ok) return jsonResponse(result.value, status);
  return errorResponse(STATUS[result.code], result.code, result.message, { fields: result.fields });
}

export function foundOr404<T>(value: T | null, what: string): Response {
  return value === null ? notFound(what) : jsonResponse(value);
}

type Verb = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

// Handlers for the verbs a path does not offer: 405 in the one error shape, with Allow.
export function otherVerbs(...allowed: Verb[]): Record<Verb, () => Response> {
  const answer = () =>
    errorResponse(405, "MethodNotAllowed", `This path accepts ${allowed.join(", ")}.`, { headers: { Allow: allowed.join(", ") } });
  return { GET: answer, POST: answer, PUT: answer, PATCH: answer, DELETE: answer };
}

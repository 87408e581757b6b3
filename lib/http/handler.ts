// The route handler wrapper: authenticate the key, parse the request by the route's contract, answer the
// handler's result as JSON or in the one error shape. Route files are then a contract and one domain call.
import type { z } from "zod";
import type { VerifiedKey } from "../api-keys/verify";
import type { ConnectCode } from "../connect/codes";
import { requestMetaFrom } from "../request-meta";
import type { Result } from "../result";
import { authenticate } from "./auth";
import { fieldErrors, parseBody } from "./body";
import { apiServices } from "./context";
import type { Contract } from "./contract";
import { ApiProblem, errorResponse, jsonResponse, notFound, type ErrorType } from "./errors";

type Services = ReturnType<typeof apiServices>;
export type ApiContext = Services & { key: VerifiedKey };
type RouteContext = { params: Promise<Record<string, string | string[]>> };
type Handler = ((request: Request, route: RouteContext) => Promise<Response>) & { contract?: Contract };

const STATUS: Record<ConnectCode, number> = { NotFound: 404, Conflict: 409, InvalidProperties: 400, InvalidBody: 400 };

type Out<S, Fallback> = S extends z.ZodType ? z.output<S> : Fallback;
export type RouteInput<C extends Contract> = {
  params: Out<NonNullable<C["params"]>, Record<string, never>>;
  query: Out<NonNullable<C["query"]>, Record<string, never>>;
  body: Out<NonNullable<C["body"]>, undefined>;
};
// What a handler answers: the response body (as the contract's response schema), a domain failure, or null for 404.
export type Reply<C extends Contract> = Result<z.input<C["response"]>, ConnectCode> | null;

// A key route: the handler acts as the key's creator, in the key's account only.
export function route<C extends Contract>(contract: C, handle: (input: RouteInput<C>, context: ApiContext) => Promise<Reply<C>>): Handler {
  const handler: Handler = async (request, routeContext) => {
    try {
      const services = apiServices();
      const key = await authenticate(request, requestMetaFrom(request.headers).ip ?? "unknown", services);
      if (key instanceof Response) return key;
      const input = await parseInput(contract, request, await routeContext.params);
      return replyResponse(contract, await handle(input as RouteInput<C>, { ...services, key }));
    } catch (error) {
      return failureResponse(error);
    }
  };
  return Object.assign(handler, { contract });
}

// A public route (health, the OpenAPI document): no key, no input; the handler makes the response.
export function openRoute(contract: Contract, handle: () => Promise<Response> | Response): Handler {
  const handler: Handler = async () => {
    try {
      return await handle();
    } catch (error) {
      return failureResponse(error);
    }
  };
  return Object.assign(handler, { contract });
}

// Any path no contract declares: 404 after authentication, so paths cannot be probed without a key.
export function unknownRoute(): Handler {
  return async (request) => {
    try {
      const key = await authenticate(request, requestMetaFrom(request.headers).ip ?? "unknown", apiServices());
      return key instanceof Response ? key : notFound("This API path");
    } catch (error) {
      return failureResponse(error);
    }
  };
}

// Path parameters, then the query, then the body, each by its schema; the first that is wrong is the 400.
async function parseInput(contract: Contract, request: Request, rawParams: Record<string, string | string[]>) {
  const params = contract.params ? check(contract.params, rawParams, "InvalidId") : {};
  const query = contract.query ? check(contract.query, Object.fromEntries(new URL(request.url).searchParams), "InvalidQuery") : {};
  const body = contract.body ? await parseBody(request, contract.body) : undefined;
  return { params, query, body };
}

function check(schema: z.ZodType, value: unknown, type: ErrorType) {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new ApiProblem(400, type, parsed.error.issues[0].message, type === "InvalidQuery" ? fieldErrors(parsed.error) : undefined);
}

function replyResponse(contract: Contract, reply: Reply<Contract>): Response {
  if (reply === null) return notFound(contract.notFound);
  if (reply.ok) return jsonResponse(reply.value);
  return errorResponse(STATUS[reply.code], reply.code, reply.message, { fields: reply.fields });
}

function failureResponse(error: unknown): Response {
  if (error instanceof ApiProblem) return error.toResponse();
  // Log the kind and the first line only: request bodies and query arguments never reach the log.
  const { name = "Error", message = String(error) } = (error ?? {}) as Error;
  console.error(`api: unexpected ${name}: ${message.split("\n")[0].slice(0, 200)}`);
  return errorResponse(500, "InternalError", "Something went wrong on our side. Try again later.");
}

type Verb = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

// Handlers for the verbs a path does not offer: 405 in the one error shape, with Allow.
export function otherVerbs(...allowed: Verb[]): Record<Verb, () => Response> {
  // Marked so that the route-contract test knows these are no routes.
  const answer = Object.assign(
    () => errorResponse(405, "MethodNotAllowed", `This path accepts ${allowed.join(", ")}.`, { headers: { Allow: allowed.join(", ") } }),
    { notOffered: true },
  );
  return { GET: answer, POST: answer, PUT: answer, PATCH: answer, DELETE: answer };
}

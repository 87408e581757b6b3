// The handler wrapper of route contracts: authenticate (key routes), parse the path parameters, query and body
// with the contract's schemas (400 InvalidId / InvalidQuery / InvalidBody …), run the handler, answer its result
// as JSON; `endpoints` answers 405 with Allow for the verbs a path does not declare.
import type { z } from "zod";
import type { Failure } from "../connect/result";
import { fieldErrors, parseBody } from "./body";
import type { Contract, Verb } from "./contract";
import { ApiProblem } from "./errors";
import { keyRoute, methodNotAllowed, openRoute, resultResponse, type ApiContext, type NextHandler } from "./handler";

type Out<S> = z.output<NonNullable<S> & z.ZodType>;
export type Input<C extends Contract> = { request: Request; params: Out<C["params"]>; query: Out<C["query"]>; body: Out<NonNullable<C["body"]>["schema"]> };
// A handler answers its contract's response (as a Result, failures in the one error shape) or a Response of its own.
export type Reply<C extends Contract> = Response | { ok: true; value: z.input<NonNullable<C["response"]> & z.ZodType> } | Failure;

// A handler together with the contract it serves; the route files export these.
export type Served = NextHandler & { contract: Contract };

async function inputOf<C extends Contract>(contract: C, request: Request, raw: Record<string, string | string[]>): Promise<Input<C>> {
  const params = contract.params ? parsed(contract.params, raw, "InvalidId") : undefined;
  const query = contract.query ? parsed(contract.query, queryOf(contract.query, request), "InvalidQuery") : undefined;
  const body = contract.body?.read === "json" ? await parseBody(request, contract.body.schema) : undefined;
  return { request, params, query, body } as Input<C>;
}

// The declared query parameters only, each its first value.
function queryOf(schema: z.ZodType, request: Request): Record<string, string | undefined> {
  const search = new URL(request.url).searchParams;
  const keys = Object.keys((schema as unknown as { shape?: object }).shape ?? {});
  return Object.fromEntries(keys.map((k) => [k, search.get(k) ?? undefined]));
}

// Path parameters answer with their own message (InvalidId); a query with its summary and the fields.
function parsed(schema: z.ZodType, value: unknown, type: "InvalidId" | "InvalidQuery"): unknown {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0] as { message: string; params?: { summary?: string } };
  if (type === "InvalidId") throw new ApiProblem(400, type, issue.message);
  throw new ApiProblem(400, type, issue.params?.summary ?? "The query is invalid; see fields.", fieldErrors(result.error));
}

// In tests an answer that does not match its documented schema fails loudly (the document would lie).
function checked<C extends Contract>(contract: C, reply: Reply<C>): Response {
  if (reply instanceof Response) return reply;
  if (reply.ok && contract.response && process.env.NODE_ENV === "test") {
    const result = contract.response.safeParse(reply.value);
    if (!result.success) throw new Error(`${contract.method} ${contract.path}: the answer does not match its schema: ${result.error.message}`);
  }
  return resultResponse(reply);
}

function withContract(handler: NextHandler, contract: Contract): Served {
  return Object.assign(handler, { contract });
}

// Serve a key route: the handler acts for the key's creator, in the key's account only.
// `guard` runs before anything is parsed (the jobs endpoints' client-id check and rate limit); a Response refuses.
export function serveKey<C extends Contract>(
  contract: C,
  handler: (input: Input<C>, ctx: ApiContext) => Promise<Reply<C>>,
  guard?: (ctx: ApiContext) => Promise<Response | null>,
): Served {
  if (contract.auth !== "key") throw new Error(`${contract.method} ${contract.path} is not a key route`);
  return withContract(
    keyRoute(async (request, ctx) => (guard && (await guard(ctx))) || checked(contract, await handler(await inputOf(contract, request, ctx.params), ctx))),
    contract,
  );
}

// Serve an open route (no key): the handler guards itself (a signature, a signed link) or needs no guard.
export function serveOpen<C extends Contract>(contract: C, handler: (input: Input<C>) => Promise<Reply<C>>): Served {
  if (contract.auth !== "open") throw new Error(`${contract.method} ${contract.path} is a key route`);
  return withContract(openRoute(async (request, raw) => checked(contract, await handler(await inputOf(contract, request, raw)))), contract);
}

// The handlers of one path: the served verbs, and 405 with Allow (in the order given) for every other verb.
export function endpoints(...served: Served[]): Record<Verb, NextHandler> {
  const allowed = served.map((s) => s.contract.method);
  const refuse = methodNotAllowed(allowed);
  const answer: NextHandler = async () => refuse();
  const handlers: Record<Verb, NextHandler> = { GET: answer, POST: answer, PUT: answer, PATCH: answer, DELETE: answer };
  for (const s of served) handlers[s.contract.method] = s;
  return handlers;
}

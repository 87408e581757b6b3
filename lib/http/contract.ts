// A route contract: one declaration per Connect API route (method, path, parameters, query, body, response,
// error statuses, summary). The handler wrapper (lib/http/serve.ts) and the OpenAPI document both read it.
import { z } from "zod";

export type Verb = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

// An OpenAPI response object, for answers that are not one JSON 200 (a 302, text, a health check …).
export type RawResponse = { description: string; headers?: Record<string, { schema: object; description?: string }>; content?: Record<string, { schema: z.ZodType | object }> };

export type Contract<P extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType, B extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> = {
  method: Exclude<Verb, "PATCH">;
  // The OpenAPI path: parameter names as the route folders name them ("/v4/sources/{source_id}").
  path: string;
  summary: string;
  // "key": a bearer API key is required (401/403/429 documented); "open": none (the handler guards itself).
  auth: "key" | "open";
  params?: P;
  query?: Q;
  // "json": the wrapper parses and validates it; "raw": documented only, the handler reads the bytes itself.
  body?: { schema: B; read: "json" | "raw" };
  // The JSON 200 answer, or null when the route never answers 200 JSON (then `responses` says what it does).
  response: R | null;
  responses?: Record<number, RawResponse>;
  // Error statuses beside 401/403/429 of key routes; their descriptions are shared (lib/http/openapi.ts).
  errors?: number[];
};

// Declare a contract (the identity, for inference).
export function contract<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType>(c: Contract<P, Q, B, R>): Contract<P, Q, B, R> {
  return c;
}

const ID = /^[1-9][0-9]{0,15}$/;

// A positive integer id in the path; anything else is a 400 InvalidId naming what it identifies.
export const idParam = (label: string) =>
  z
    .string()
    .regex(ID, `${label} ids are positive integers.`)
    .transform(Number)
    .refine(Number.isSafeInteger, `${label} ids are positive integers.`)
    .meta({ type: "integer", minimum: 1 } as Record<string, unknown>);

// A query parameter's problem: `message` answers the request, `field` is shown under fields.
export const queryIssue = (message: string, field: string) => ({ message: field, params: { summary: message } });

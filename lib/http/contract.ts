// Route contracts: each /v4 route declares its path, parameters, query, body, response and errors once.
// The handler wrapper (handler.ts) parses requests with it; the OpenAPI document (openapi.ts) is made from it.
import { z } from "zod";

export type Method = "get" | "post" | "put" | "delete";
type Fields = z.ZodObject;

export type Contract<P extends Fields = Fields, Q extends Fields = Fields, B extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> = {
  method: Method;
  // The OpenAPI path, e.g. /v4/sources/{source_id}; it must match the route file's folder.
  path: string;
  summary: string;
  // "key" (default): a valid API key is required; "none": public (health, this document).
  auth?: "key" | "none";
  params?: P;
  query?: Q;
  body?: B;
  response: R;
  // Error statuses this route answers besides 401 and 429 (every key route may answer those).
  errors?: number[];
  // What a missing resource is called in the 404 message ("The source").
  notFound?: string;
};

const declared: Contract[] = [];

// Declare a route; the declaration is listed for the OpenAPI document.
export function defineRoute<P extends Fields, Q extends Fields, B extends z.ZodType, R extends z.ZodType>(
  contract: Contract<P, Q, B, R>,
): Contract<P, Q, B, R> {
  declared.push(contract as unknown as Contract);
  return contract;
}

// Every declared route (routes.ts declares them all).
export function declaredRoutes(): readonly Contract[] {
  return declared;
}

// A positive integer id in the path; anything else is a 400 InvalidId with this message.
export function idParam(label: string) {
  return z
    .string()
    .regex(/^[1-9][0-9]{0,15}$/, `${label} ids are positive integers.`)
    .transform(Number)
    .refine(Number.isSafeInteger, `${label} ids are positive integers.`)
    .meta({ type: "integer", minimum: 1 });
}

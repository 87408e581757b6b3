// A route's contract: its verb, path, parameters, query, body, responses and errors, declared once; the OpenAPI
// document is generated from these declarations (lib/http/openapi.ts) and a test checks app/ against them.
import { z } from "zod";

export type Method = "get" | "post" | "put" | "delete";
type Ref = { $ref: string };

export type Contract = {
  method: Method;
  /** The OpenAPI path, e.g. /v4/sources/{source_id}. */
  path: string;
  summary: string;
  /** Path parameters and the query, as zod objects (an id is `ids.source_id` …). */
  params?: z.ZodObject;
  query?: z.ZodObject;
  /** The request body's schema, registered in zod's registry under a component id. */
  body?: z.ZodType;
  /** The 200 answer: a component id, or a JSON Schema for answers without a component. */
  response?: string | Ref | object;
  list?: boolean;
  /** Statuses beyond 401/403/429, which every key route may answer. */
  errors?: number[];
  /** Open routes (no key): their whole request body and responses, as the document states them. */
  open?: { requestBody?: object; responses: Record<string, object> };
};

export const ref = (id: string): Ref => ({ $ref: `#/components/schemas/${id}` });

// A positive integer id in the path.
const id = () => z.number().int().min(1);

export const ids = {
  source_id: id(),
  destination_id: id(),
  stream_id: id(),
  token_id: id(),
  id: id(),
  stitch_client_id: z.number().int().describe("The key's account id; any other → 401"),
  job_name: z.string(),
};

// Path parameters by name, e.g. params("source_id", "stream_id").
export function params(...names: (keyof typeof ids)[]): z.ZodObject {
  return z.object(Object.fromEntries(names.map((name) => [name, ids[name]])));
}

// A string type name in the path, with an example.
export const typeParam = (example: string) => z.object({ type: z.string().meta({ param: { example } }) });

// ?page=N, default 1.
export const pageQuery = z.object({ page: z.number().int().min(1).max(100000).default(1) });

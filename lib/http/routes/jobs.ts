// Route contracts of replication job reports: extractions, loads and the signed log links.
import { z } from "zod";
import { extractionsPageSchema, loadsPageSchema } from "../../validation/jobs";
import { errorSchema } from "../../validation/connect";
import { MAX_API_PAGE, parsePageParam } from "../../audit/api-page";
import { contract, queryIssue } from "../contract";

// The key's account id; any other is answered 401, as the original does.
const clientId = z.string().meta({ type: "integer", param: { description: "The key's account id; any other → 401" } } as Record<string, unknown>);

// ?page=N, 1 to 100000, default 1.
export const pageQuery = z.object({
  page: z
    .string()
    .optional()
    .transform((raw) => parsePageParam(raw ?? null))
    .refine((page) => page !== null, queryIssue(`page must be a whole number from 1 to ${MAX_API_PAGE}.`, "Use a positive whole number."))
    .transform((page) => page!)
    .meta({ type: "integer", minimum: 1, maximum: MAX_API_PAGE, default: 1 } as Record<string, unknown>),
});

const error = (description: string) => ({ description, content: { "application/json": { schema: errorSchema } } });

export const listExtractions = contract({
  method: "GET", path: "/v4/{stitch_client_id}/extractions", auth: "key", summary: "Per source its last completed extraction (60 days), by source_id, 100 per page",
  params: z.object({ stitch_client_id: clientId }), query: pageQuery, response: extractionsPageSchema, errors: [400],
});
export const extractionLog = contract({
  method: "GET", path: "/v4/{stitch_client_id}/extractions/{job_name}", auth: "key",
  summary: "302 to a short-lived (5 min) signed URL serving the job's log as text/plain; 404 when the account has no such job",
  params: z.object({ stitch_client_id: clientId, job_name: z.string() }), response: null,
  responses: { 302: { description: "Found: Location is the signed log URL (/v4/job-logs/{token})", headers: { Location: { schema: { type: "string" } } } } },
  errors: [404],
});
export const listLoads = contract({
  method: "GET", path: "/v4/{stitch_client_id}/loads", auth: "key", summary: "Per stream its latest load attempt (60 days), by stream_name, 100 per page",
  params: z.object({ stitch_client_id: clientId }), query: pageQuery, response: loadsPageSchema, errors: [400],
});
export const jobLog = contract({
  method: "GET", path: "/v4/job-logs/{token}", auth: "open", summary: "The signed log URL's target (from a 302 of the extraction log): the job's log as text/plain, while the link holds (5 min)",
  params: z.object({ token: z.string() }), response: null,
  responses: {
    200: { description: "The job's log", content: { "text/plain": { schema: { type: "string" } } } },
    403: error("The link is invalid or has expired (type Unauthorized); ask the API for a new one"),
    404: error("The job no longer exists"),
  },
});

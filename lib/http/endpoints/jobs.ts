// The handlers of the job report contracts (lib/http/routes/jobs.ts): extractions, loads, log links and logs.
import "server-only";
import { connectServices } from "../../connect/services";
import { ok } from "../../connect/result";
import { signLogToken, verifyLogToken } from "../../replication/log-links";
import { findJobLog, listExtractions, listLoads } from "../../replication/reports";
import { readSecret } from "../../secrets";
import { API_HEADERS, errorResponse, notFound } from "../errors";
import type { ApiContext } from "../handler";
import { clientIdMismatch, overLimit } from "../jobs-api";
import * as routes from "../routes/jobs";
import { endpoints, serveKey, serveOpen } from "../serve";
import { extractionWire, loadWire, pageWire } from "../wire/jobs";

// The path's account must be the key's, and polling counts against the account's limit (before anything is parsed).
const pollGuard = async (ctx: ApiContext) => clientIdMismatch(ctx) ?? (await overLimit(ctx, "poll"));

// The last completed extraction per source (60 days), 100 a page.
export const extractionsEndpoints = endpoints(
  serveKey(routes.listExtractions, async ({ query }, ctx) => {
    const page = await listExtractions(ctx.db, ctx.key.accountId, query.page);
    return ok(pageWire(page, `/v4/${ctx.key.accountId}/extractions`, extractionWire));
  }, pollGuard),
);

// A job's log: 302 to a short-lived signed URL serving it as text/plain (the original's pre-signed S3 URL).
export const extractionLogEndpoints = endpoints(
  serveKey(routes.extractionLog, async ({ params }, ctx) => {
    const job = await findJobLog(ctx.db, ctx.key.accountId, params.job_name.slice(0, 200));
    if (!job) return notFound("The job");
    const location = `/v4/job-logs/${signLogToken(job.id, ctx.pepper)}`;
    return new Response("", { status: 302, headers: { ...API_HEADERS, Location: location, "Content-Length": "0" } });
  }, pollGuard),
);

// The latest load attempt per stream (60 days), 100 a page.
export const loadsEndpoints = endpoints(
  serveKey(routes.listLoads, async ({ query }, ctx) => {
    const page = await listLoads(ctx.db, ctx.key.accountId, query.page);
    return ok(pageWire(page, `/v4/${ctx.key.accountId}/loads`, loadWire));
  }, pollGuard),
);

// The signed log URL's target: the job's log as text/plain, while the link's signature holds and it has not expired.
export const jobLogEndpoints = endpoints(
  serveOpen(routes.jobLog, async ({ request }) => {
    const token = decodeURIComponent(new URL(request.url).pathname.split("/").pop() ?? "");
    const jobId = verifyLogToken(token, readSecret("API_KEY_HMAC_SECRET"));
    if (jobId === null) return errorResponse(403, "Unauthorized", "This log link is invalid or has expired; ask the API for a new one.");
    const job = await connectServices().db.replicationJob.findUnique({ where: { id: jobId }, select: { log: true } });
    if (!job) return errorResponse(404, "NotFound", "The job was not found.");
    return new Response(job.log, { status: 200, headers: { ...API_HEADERS, "Content-Type": "text/plain; charset=utf-8" } });
  }),
);

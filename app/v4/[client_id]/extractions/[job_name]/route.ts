// A job's log: 302 to a short-lived signed URL serving it as text/plain (the original's pre-signed S3 URL).
import { API_HEADERS, notFound } from "@/lib/http/errors";
import { keyRoute, otherVerbs } from "@/lib/http/handler";
import { clientIdMismatch, overLimit } from "@/lib/http/jobs-api";
import { signLogToken } from "@/lib/replication/log-links";
import { findJobLog } from "@/lib/replication/reports";

export const GET = keyRoute(async (_request, ctx) => {
  const refused = clientIdMismatch(ctx) ?? (await overLimit(ctx, "poll"));
  if (refused) return refused;
  const jobName = typeof ctx.params.job_name === "string" ? ctx.params.job_name.slice(0, 200) : "";
  const job = await findJobLog(ctx.db, ctx.key.accountId, jobName);
  if (!job) return notFound("The job");
  const location = `/v4/job-logs/${signLogToken(job.id, ctx.pepper)}`;
  return new Response("", { status: 302, headers: { ...API_HEADERS, Location: location, "Content-Length": "0" } });
});

export const { POST, PUT, PATCH, DELETE } = otherVerbs("GET");

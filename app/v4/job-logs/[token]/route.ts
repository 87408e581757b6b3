// The signed log URL's target: the job's log as text/plain, while the link's signature holds and it has not expired.
import { connectServices } from "@/lib/connect/services";
import { API_HEADERS, errorResponse } from "@/lib/http/errors";
import { openRoute, otherVerbs } from "@/lib/http/handler";
import { verifyLogToken } from "@/lib/replication/log-links";
import { readSecret } from "@/lib/secrets";

export const GET = openRoute(async (request) => {
  const token = decodeURIComponent(new URL(request.url).pathname.split("/").pop() ?? "");
  const jobId = verifyLogToken(token, readSecret("API_KEY_HMAC_SECRET"));
  if (jobId === null) return errorResponse(403, "Unauthorized", "This log link is invalid or has expired; ask the API for a new one.");
  const job = await connectServices().db.replicationJob.findUnique({ where: { id: jobId }, select: { log: true } });
  if (!job) return errorResponse(404, "NotFound", "The job was not found.");
  return new Response(job.log, { status: 200, headers: { ...API_HEADERS, "Content-Type": "text/plain; charset=utf-8" } });
});

export const { POST, PUT, PATCH, DELETE } = otherVerbs("GET");

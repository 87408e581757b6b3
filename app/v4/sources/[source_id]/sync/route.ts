// POST: start a replication job of the source (no body) → {"job_name"}. DELETE: stop its job → {"status": 200}.
import { appQueue } from "@/lib/jobs/app-jobs";
import { errorResponse, jsonResponse } from "@/lib/http/errors";
import { idParam, keyRoute, otherVerbs } from "@/lib/http/handler";
import { keyActor, overLimit } from "@/lib/http/jobs-api";
import { startSync, stopSync } from "@/lib/replication/sync";
import { requestMetaFrom } from "@/lib/request-meta";

export const POST = keyRoute(async (request, ctx) => {
  const sourceId = idParam(ctx, "source_id", "Source");
  const limited = await overLimit(ctx, "start");
  if (limited) return limited;
  const started = await startSync(ctx.db, appQueue(), ctx.key.accountId, sourceId, await keyActor(ctx), requestMetaFrom(request.headers));
  if (started.ok) return jsonResponse({ job_name: started.value.jobName });
  // The original answers already_running with 200 and the error object.
  return errorResponse(started.code === "already_running" ? 200 : 400, started.code, started.message);
});

export const DELETE = keyRoute(async (request, ctx) => {
  const sourceId = idParam(ctx, "source_id", "Source");
  const stopped = await stopSync(ctx.db, ctx.key.accountId, sourceId, await keyActor(ctx), requestMetaFrom(request.headers));
  if (!stopped.ok) return errorResponse(400, "invalid_source", stopped.message);
  return jsonResponse({ status: 200 });
});

export const { GET, PUT, PATCH } = otherVerbs("POST", "DELETE");

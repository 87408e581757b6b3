// The handlers of a source's replication job contracts: start (POST) and stop (DELETE) …/sync.
import "server-only";
import { appQueue } from "../../jobs/app-jobs";
import { ok } from "../../connect/result";
import { startSync, stopSync } from "../../replication/sync";
import { requestMetaFrom } from "../../request-meta";
import { errorResponse } from "../errors";
import { keyActor, overLimit } from "../jobs-api";
import * as routes from "../routes/sources";
import { endpoints, serveKey } from "../serve";

export const syncEndpoints = endpoints(
  // Start a replication job of the source (no body) → {"job_name"}.
  serveKey(routes.startSync, async ({ request, params }, ctx) => {
    const limited = await overLimit(ctx, "start");
    if (limited) return limited;
    const started = await startSync(ctx.db, appQueue(), ctx.key.accountId, params.source_id, await keyActor(ctx), requestMetaFrom(request.headers));
    if (started.ok) return ok({ job_name: started.value.jobName });
    // The original answers already_running with 200 and the error object.
    return errorResponse(started.code === "already_running" ? 200 : 400, started.code, started.message);
  }),
  // Stop its job → {"status": 200}.
  serveKey(routes.stopSync, async ({ request, params }, ctx) => {
    const stopped = await stopSync(ctx.db, ctx.key.accountId, params.source_id, await keyActor(ctx), requestMetaFrom(request.headers));
    if (!stopped.ok) return errorResponse(400, "invalid_source", stopped.message);
    return ok({ status: 200 as const });
  }),
);

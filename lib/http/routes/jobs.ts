// The contracts of the jobs routes (sync, extractions, loads, logs), the audit trail and the key's view of itself.
import { pageQuery, params, ref, type Contract } from "./contract";

const client = params("stitch_client_id");

export const JOB_ROUTES: Contract[] = [
  {
    method: "post",
    path: "/v4/sources/{source_id}/sync",
    params: params("source_id"),
    summary:
      "Start a replication job (no body). A job already queued or running: 200 with error.type already_running. Unknown or deleted source: 400 invalid_source. 429 past 10 starts a minute per account",
    response: { oneOf: [ref("SyncStarted"), ref("SyncAlreadyRunning")] },
    errors: [400],
  },
  {
    method: "delete",
    path: "/v4/sources/{source_id}/sync",
    params: params("source_id"),
    summary: "Stop the source's job (a queued one at once, a running one within seconds); {\"status\": 200} also when none runs",
    response: { type: "object", properties: { status: { const: 200 } } },
    errors: [400],
  },
  {
    method: "get",
    path: "/v4/{stitch_client_id}/extractions",
    params: client,
    query: pageQuery,
    summary: "Per source its last completed extraction (60 days), by source_id, 100 per page",
    response: "ExtractionsPage",
    errors: [400],
  },
  {
    method: "get",
    path: "/v4/{stitch_client_id}/extractions/{job_name}",
    params: params("stitch_client_id", "job_name"),
    summary: "302 to a short-lived (5 min) signed URL serving the job's log as text/plain; 404 when the account has no such job",
    response: { description: "Never 200: the answer is a 302 with Location" },
    errors: [404],
  },
  {
    method: "get",
    path: "/v4/{stitch_client_id}/loads",
    params: client,
    query: pageQuery,
    summary: "Per stream its latest load attempt (60 days), by stream_name, 100 per page",
    response: "LoadsPage",
    errors: [400],
  },
  {
    method: "get",
    path: "/v4/audit-events",
    query: pageQuery,
    summary: "The account's audit trail (key and team changes, failed sign-ins), newest first, 100 per page",
    response: "AuditEventsPage",
    errors: [400],
  },
  {
    method: "get",
    path: "/v4/keys/self",
    summary: "The key this request is made with: last 4, description, account, access, expiry and allow-list (never the key itself)",
    response: "KeySelf",
  },
];

// Route contracts of sources, their connection checks, streams, replication jobs and (refused) Import API tokens.
import { z } from "zod";
import { statusOkSchema } from "../../validation/answers";
import { connectionCheckSchema, createSourceSchema, sourceSchema, streamSchemaSchema, streamSelectionSchema, streamSummarySchema, updateSourceSchema } from "../../validation/connect";
import { syncRefusedSchema, syncStartedSchema } from "../../validation/jobs";
import { errorSchema } from "../../validation/connect";
import { contract, idParam } from "../contract";

const source = z.object({ source_id: idParam("Source") });
const json = <S extends z.ZodType>(schema: S) => ({ schema, read: "json" as const });
const REFUSED = "Import API sources only. Bobbin has none: 400 ImportApiNotSupported for a source of the account, 404 for any other id";

export const listSources = contract({ method: "GET", path: "/v4/sources", auth: "key", summary: "List every source of the account (active, paused and deleted)", response: z.array(sourceSchema) });
export const createSource = contract({
  method: "POST", path: "/v4/sources", auth: "key", summary: "Create a source; a complete form starts its connection check and discovery",
  body: json(createSourceSchema), response: sourceSchema, errors: [400],
});
export const getSource = contract({ method: "GET", path: "/v4/sources/{source_id}", auth: "key", summary: "One source, also when paused or deleted", params: source, response: sourceSchema, errors: [400, 404] });
export const updateSource = contract({
  method: "PUT", path: "/v4/sources/{source_id}", auth: "key", summary: "Update display_name, properties or paused_at (any timestamp pauses now, null unpauses)",
  params: source, body: json(updateSourceSchema), response: sourceSchema, errors: [400, 404],
});
export const deleteSource = contract({ method: "DELETE", path: "/v4/sources/{source_id}", auth: "key", summary: "Soft-delete a source; it is returned with deleted_at set", params: source, response: sourceSchema, errors: [400, 404] });
export const lastConnectionCheck = contract({
  method: "GET", path: "/v4/sources/{source_id}/last-connection-check", auth: "key",
  summary: "Status of the last connection check and discovery (running, succeeded, failed); 404 when none ran", params: source, response: connectionCheckSchema, errors: [400, 404],
});
export const checkSource = contract({
  method: "POST", path: "/v4/sources/{source_id}/check", auth: "key",
  summary: "Run the connection check and discovery again (our addition); returns the source with its new check_job_name", params: source, response: sourceSchema, errors: [400, 404],
});
export const listStreams = contract({
  method: "GET", path: "/v4/sources/{source_id}/streams", auth: "key",
  summary: "The discovered streams (tables and views) with their stream-level metadata", params: source, response: z.array(streamSummarySchema), errors: [400, 404],
});
export const getStream = contract({
  method: "GET", path: "/v4/sources/{source_id}/streams/{stream_id}", auth: "key", summary: "One stream: its JSON Schema as a string and its breadcrumb metadata",
  params: z.object({ source_id: idParam("Source"), stream_id: idParam("Stream") }), response: streamSchemaSchema, errors: [400, 404],
});
export const updateStreamMetadata = contract({
  method: "PUT", path: "/v4/sources/{source_id}/streams/metadata", auth: "key",
  summary:
    "Select streams and fields, all or nothing: a stream before its fields; automatic fields stay selected; unsupported fields and discoverable metadata refused; INCREMENTAL needs a replication-key column; only from the field_selection step on",
  params: source, body: json(streamSelectionSchema), response: statusOkSchema, errors: [400, 404],
});
export const startSync = contract({
  method: "POST", path: "/v4/sources/{source_id}/sync", auth: "key",
  summary: "Start a replication job (no body). A job already queued or running: 200 with error.type already_running. Unknown or deleted source: 400 invalid_source. 429 past 10 starts a minute per account",
  params: source, response: z.union([syncStartedSchema, syncRefusedSchema]), errors: [400],
});
export const stopSync = contract({
  method: "DELETE", path: "/v4/sources/{source_id}/sync", auth: "key",
  summary: 'Stop the source\'s job (a queued one at once, a running one within seconds); {"status": 200} also when none runs', params: source, response: statusOkSchema, errors: [400],
});
const tokens = { path: "/v4/sources/{source_id}/tokens", auth: "key" as const, params: source, response: null, responses: { 400: { description: REFUSED, content: { "application/json": { schema: errorSchema } } } }, errors: [404] };
export const listImportTokens = contract({ ...tokens, method: "GET", summary: `List Import API tokens: ${REFUSED}` });
export const createImportToken = contract({ ...tokens, method: "POST", summary: `Create an Import API token: ${REFUSED}` });
export const revokeImportToken = contract({
  ...tokens, method: "DELETE", path: "/v4/sources/{source_id}/tokens/{token_id}", summary: `Revoke an Import API token: ${REFUSED}`,
  params: z.object({ source_id: idParam("Source"), token_id: idParam("Token") }),
});

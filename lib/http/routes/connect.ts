// The contracts of the sources, streams, source types and destinations routes.
import { createDestinationSchema, createSourceSchema, streamSelectionSchema, updateDestinationSchema, updateSourceSchema } from "../../validation/connect";
import { params, typeParam, type Contract } from "./contract";

const source = params("source_id");
const destination = params("destination_id");

export const CONNECT_ROUTES: Contract[] = [
  { method: "get", path: "/v4/sources", summary: "List every source of the account (active, paused and deleted)", response: "Source", list: true },
  { method: "post", path: "/v4/sources", summary: "Create a source; a complete form starts its connection check and discovery", body: createSourceSchema, response: "Source", errors: [400] },
  { method: "get", path: "/v4/sources/{source_id}", params: source, summary: "One source, also when paused or deleted", response: "Source", errors: [400, 404] },
  {
    method: "put",
    path: "/v4/sources/{source_id}",
    params: source,
    summary: "Update display_name, properties or paused_at (any timestamp pauses now, null unpauses)",
    body: updateSourceSchema,
    response: "Source",
    errors: [400, 404],
  },
  { method: "delete", path: "/v4/sources/{source_id}", params: source, summary: "Soft-delete a source; it is returned with deleted_at set", response: "Source", errors: [400, 404] },
  {
    method: "get",
    path: "/v4/sources/{source_id}/last-connection-check",
    params: source,
    summary: "Status of the last connection check and discovery (running, succeeded, failed); 404 when none ran",
    response: "ConnectionCheck",
    errors: [400, 404],
  },
  {
    method: "post",
    path: "/v4/sources/{source_id}/check",
    params: source,
    summary: "Run the connection check and discovery again (our addition); returns the source with its new check_job_name",
    response: "Source",
    errors: [400, 404],
  },
  {
    method: "get",
    path: "/v4/sources/{source_id}/streams",
    params: source,
    summary: "The discovered streams (tables and views) with their stream-level metadata",
    response: "StreamSummary",
    list: true,
    errors: [400, 404],
  },
  {
    method: "get",
    path: "/v4/sources/{source_id}/streams/{stream_id}",
    params: params("source_id", "stream_id"),
    summary: "One stream: its JSON Schema as a string and its breadcrumb metadata",
    response: "StreamSchema",
    errors: [400, 404],
  },
  {
    method: "put",
    path: "/v4/sources/{source_id}/streams/metadata",
    params: source,
    summary:
      "Select streams and fields, all or nothing: a stream before its fields; automatic fields stay selected; unsupported fields and discoverable metadata refused; INCREMENTAL needs a replication-key column; only from the field_selection step on",
    body: streamSelectionSchema,
    response: { type: "object", properties: { status: { const: 200 } }, required: ["status"] },
    errors: [400, 404],
  },
  { method: "get", path: "/v4/source-types", summary: "The catalogue of source types", response: "SourceType", list: true },
  { method: "get", path: "/v4/source-types/{type}", params: typeParam("platform.postgres"), summary: "One source type with its properties and steps", response: "SourceType", errors: [404] },
  { method: "get", path: "/v4/destinations", summary: "List the account's destinations", response: "Destination", list: true },
  { method: "post", path: "/v4/destinations", summary: "Create a destination", body: createDestinationSchema, response: "Destination", errors: [400] },
  { method: "get", path: "/v4/destinations/{destination_id}", params: destination, summary: "One destination", response: "Destination", errors: [400, 404] },
  {
    method: "put",
    path: "/v4/destinations/{destination_id}",
    params: destination,
    summary: "Update a destination (its type cannot change)",
    body: updateDestinationSchema,
    response: "Destination",
    errors: [400, 404],
  },
  {
    method: "delete",
    path: "/v4/destinations/{destination_id}",
    params: destination,
    summary: "Delete a destination",
    response: { type: "object", additionalProperties: false },
    errors: [400, 404],
  },
  {
    method: "post",
    path: "/v4/destinations/{destination_id}/check",
    params: destination,
    summary: "Check the destination's connection now (our addition): connects, and checks the user may create schemas",
    response: {
      type: "object",
      properties: { status: { enum: ["succeeded", "failed"] }, error: { type: ["string", "null"] }, checked_at: { type: "string" } },
      required: ["status", "error", "checked_at"],
    },
    errors: [400, 404],
  },
];

// Every /v4 route's contract, declared once: the route files handle them, openapi.ts documents them.
import { z } from "zod";
import { createDestinationSchema, createSourceSchema, streamSelectionSchema, updateDestinationSchema, updateSourceSchema } from "../validation/connect";
import { defineRoute, idParam } from "./contract";
import * as r from "./responses";

const source = z.object({ source_id: idParam("Source") });
const destination = z.object({ destination_id: idParam("Destination") });
const NOT_FOUND = [400, 404];

export const health = defineRoute({
  method: "get", path: "/v4/health", auth: "none", response: r.healthSchema, errors: [503],
  summary: "Health check for load balancers (no key needed): the app and its database answer",
});
export const openApi = defineRoute({ method: "get", path: "/v4/openapi.json", auth: "none", response: r.openApiDocumentSchema, summary: "This OpenAPI 3.1 document (no key needed)" });

export const listSources = defineRoute({ method: "get", path: "/v4/sources", response: z.array(r.sourceSchema), summary: "List every source of the account (active, paused and deleted)" });
export const createSource = defineRoute({
  method: "post", path: "/v4/sources", body: createSourceSchema, response: r.sourceSchema, errors: [400],
  summary: "Create a source; a complete form starts its connection check and discovery",
});
export const getSource = defineRoute({ method: "get", path: "/v4/sources/{source_id}", params: source, response: r.sourceSchema, errors: NOT_FOUND, notFound: "The source", summary: "One source, also when paused or deleted" });
export const updateSource = defineRoute({
  method: "put", path: "/v4/sources/{source_id}", params: source, body: updateSourceSchema, response: r.sourceSchema, errors: NOT_FOUND,
  summary: "Update display_name, properties or paused_at (any timestamp pauses now, null unpauses)",
});
export const deleteSource = defineRoute({ method: "delete", path: "/v4/sources/{source_id}", params: source, response: r.sourceSchema, errors: NOT_FOUND, summary: "Soft-delete a source; it is returned with deleted_at set" });
export const lastConnectionCheck = defineRoute({
  method: "get", path: "/v4/sources/{source_id}/last-connection-check", params: source, response: r.connectionCheckSchema, errors: NOT_FOUND,
  notFound: "The source or its connection check", summary: "Status of the last connection check and discovery (running, succeeded, failed); 404 when none ran",
});
export const checkSource = defineRoute({
  method: "post", path: "/v4/sources/{source_id}/check", params: source, response: r.sourceSchema, errors: NOT_FOUND,
  summary: "Run the connection check and discovery again (our addition); returns the source with its new check_job_name",
});
export const listStreams = defineRoute({
  method: "get", path: "/v4/sources/{source_id}/streams", params: source, response: z.array(r.streamSummarySchema), errors: NOT_FOUND, notFound: "The source",
  summary: "The discovered streams (tables and views) with their stream-level metadata",
});
export const getStream = defineRoute({
  method: "get", path: "/v4/sources/{source_id}/streams/{stream_id}", params: source.extend({ stream_id: idParam("Stream") }), response: r.streamSchemaSchema,
  errors: NOT_FOUND, notFound: "The stream", summary: "One stream: its JSON Schema as a string and its breadcrumb metadata",
});
export const updateStreamMetadata = defineRoute({
  method: "put", path: "/v4/sources/{source_id}/streams/metadata", params: source, body: streamSelectionSchema, response: r.selectionSavedSchema, errors: NOT_FOUND,
  summary:
    "Select streams and fields, all or nothing: a stream before its fields; automatic fields stay selected; unsupported fields and discoverable metadata refused; INCREMENTAL needs a replication-key column; only from the field_selection step on",
});

export const listSourceTypes = defineRoute({ method: "get", path: "/v4/source-types", response: z.array(r.sourceTypeSchema), summary: "The catalogue of source types" });
export const getSourceType = defineRoute({
  method: "get", path: "/v4/source-types/{type}", params: z.object({ type: z.string().meta({ example: "platform.postgres" }) }), response: r.sourceTypeSchema,
  errors: [404], notFound: "The source type", summary: "One source type with its properties and steps",
});

export const listDestinations = defineRoute({ method: "get", path: "/v4/destinations", response: z.array(r.destinationSchema), summary: "List the account's destinations" });
export const createDestination = defineRoute({ method: "post", path: "/v4/destinations", body: createDestinationSchema, response: r.destinationSchema, errors: [400], summary: "Create a destination" });
export const getDestination = defineRoute({
  method: "get", path: "/v4/destinations/{destination_id}", params: destination, response: r.destinationSchema, errors: NOT_FOUND, notFound: "The destination", summary: "One destination",
});
export const updateDestination = defineRoute({
  method: "put", path: "/v4/destinations/{destination_id}", params: destination, body: updateDestinationSchema, response: r.destinationSchema, errors: NOT_FOUND,
  summary: "Update a destination (its type cannot change)",
});
export const deleteDestination = defineRoute({ method: "delete", path: "/v4/destinations/{destination_id}", params: destination, response: r.emptyObjectSchema, errors: NOT_FOUND, summary: "Delete a destination" });

const page = z
  .string()
  .regex(/^[1-9][0-9]{0,5}$/, "page must be a whole number from 1 to 100000.")
  .transform(Number)
  .refine((n) => n <= 100_000, "page must be a whole number from 1 to 100000.")
  .optional()
  .meta({ type: "integer", minimum: 1, maximum: 100_000, default: 1 });
export const listAuditEvents = defineRoute({
  method: "get", path: "/v4/audit-events", query: z.object({ page }), response: r.auditEventsPageSchema, errors: [400],
  summary: "The account's audit trail (key and team changes, failed sign-ins), newest first, 100 per page",
});

// Request and response shapes of the Connect API: they validate requests and make the OpenAPI document.
import { z } from "zod";

const CONTROL = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u;

const text = (label: string, max: number) =>
  z
    .string({ error: `${label} must be a string.` })
    .trim()
    .min(1, `${label} must not be empty.`)
    .max(max, `${label} must be at most ${max} characters.`)
    .refine((s) => !CONTROL.test(s), `${label} must not contain control characters.`);

export const propertiesSchema = z
  .record(
    z.string().max(64, "Property names are at most 64 characters."),
    z.string({ error: "Property values are strings (or null to clear one)." }).max(4096, "Property values are at most 4096 characters.").nullable(),
  )
  .meta({ description: "Property values, all strings; null clears one. Credential properties are write-only." });

const timestamp = z.string().refine((s) => !Number.isNaN(Date.parse(s)), "Use an ISO 8601 timestamp.");

export const createSourceSchema = z
  .strictObject({
    display_name: text("display_name", 100),
    type: z.string({ error: "type is required, e.g. platform.postgres." }).max(100),
    properties: propertiesSchema.optional(),
    destination_id: z.number().int().positive().optional(),
  })
  .meta({ id: "CreateSource" });
export type CreateSourceInput = z.infer<typeof createSourceSchema>;

export const updateSourceSchema = z
  .strictObject({
    display_name: text("display_name", 100).optional(),
    properties: propertiesSchema.optional().meta({ description: "Properties to change; the others keep their values." }),
    paused_at: timestamp.nullable().optional().meta({ description: "Any timestamp pauses the source now; null unpauses it." }),
    destination_id: z.number().int().positive().nullable().optional().meta({ description: "The account's destination this source loads into; null: the account's only destination." }),
  })
  .meta({ id: "UpdateSource" });
export type UpdateSourceInput = z.infer<typeof updateSourceSchema>;

// Destinations take booleans where the original sends them (ssl); they are stored and returned as strings.
export const destinationPropertiesSchema = z
  .record(
    z.string().max(64, "Property names are at most 64 characters."),
    z.union([z.string().max(4096, "Property values are at most 4096 characters."), z.boolean()], { error: "Property values are strings (ssl may be a boolean)." }),
  )
  .meta({ description: 'host, port (a string), username, database, password (write-only), ssl (true/false), sslrootcert. Responses show them as strings with "status":"1".' });

export const createDestinationSchema = z
  .strictObject({
    type: z.string({ error: "type is required, e.g. postgres." }).max(100),
    properties: destinationPropertiesSchema,
    name: text("name", 100).optional(),
    description: text("description", 500).optional(),
  })
  .meta({ id: "CreateDestination" });
export type CreateDestinationInput = z.infer<typeof createDestinationSchema>;

export const updateDestinationSchema = z
  .strictObject({
    type: z.string().max(100).optional().meta({ description: "May be sent but cannot change." }),
    properties: destinationPropertiesSchema.optional().meta({ description: "Merged: properties not sent keep their values." }),
    name: text("name", 100).optional(),
    description: text("description", 500).optional(),
  })
  .meta({ id: "UpdateDestination" });
export type UpdateDestinationInput = z.infer<typeof updateDestinationSchema>;

// ---- Responses (documentation, and the integration tests check answers against them) ----

export const errorSchema = z
  .object({
    error: z.object({
      type: z.string().meta({ description: "A stable word: Unauthorized, NotFound, InvalidId, InvalidBody, InvalidProperties, RateLimited …" }),
      message: z.string(),
      fields: z.record(z.string(), z.string()).optional().meta({ description: "Per field (dotted path), what is wrong." }),
    }),
  })
  .meta({ id: "Error" });

const propertySpecSchema = z.object({
  name: z.string(),
  is_required: z.boolean(),
  is_credential: z.boolean().meta({ description: "Write-only: stored encrypted, never returned." }),
  system_provided: z.boolean().meta({ description: "Set by the system, not the client (always false here)." }),
  tap_mutable: z.boolean().meta({ description: "Changed by the integration itself (always false here)." }),
  provided: z.boolean().optional(),
  property_type: z.string(),
  json_schema: z.object({
    type: z.enum(["string", "boolean"]),
    pattern: z.string().optional(),
    format: z.string().optional().meta({ description: "e.g. date-time for anchor_time." }),
    description: z.string(),
  }),
});

const stepType = z.enum(["form", "oauth", "discover_schema", "field_selection", "fully_configured"]);

export const reportCardSchema = z
  .object({
    type: z.string(),
    current_step: z.number().int(),
    current_step_type: stepType,
    steps: z.array(z.object({ type: stepType, properties: z.array(propertySpecSchema) })),
  })
  .meta({ id: "ReportCard" });

export const typeDetailsSchema = z
  .object({
    pricing_tier: z.string().meta({ description: "standard: any plan may use it." }),
    pipeline_state: z.string().meta({ description: "released." }),
    default_start_date: z.string().nullable().meta({ description: "null: PostgreSQL sources have no start_date." }),
    default_scheduling_interval: z.number().int().meta({ description: "The frequency_in_minutes used when none is set." }),
    protocol: z.string(),
    access: z.boolean(),
  })
  .meta({ id: "SourceTypeDetails" });

export const sourceTypeSchema = reportCardSchema.extend({ display_name: z.string(), details: typeDetailsSchema }).meta({ id: "SourceType" });

// Timestamps on the wire: UTC, whole seconds (lib/http/wire/time.ts).
const wireTime = z.string().meta({ description: "UTC, whole seconds: 2020-06-19T15:09:38Z." });
const isoOrNull = wireTime.nullable();

export const sourceSchema = z
  .object({
    id: z.number().int(),
    display_name: z.string(),
    name: z.string(),
    type: z.string(),
    properties: z.record(z.string(), z.string()),
    schedule: z
      .union([
        z.object({ type: z.literal("interval"), unit: z.literal("minute"), interval: z.number(), next_fire_time: isoOrNull }),
        z.object({ type: z.literal("cron"), cron_expression: z.string(), next_fire_time: isoOrNull }),
      ])
      .nullable()
      .meta({ description: "null while the source is paused or deleted." }),
    paused_at: isoOrNull,
    system_paused_at: isoOrNull,
    deleted_at: isoOrNull,
    created_at: wireTime,
    updated_at: wireTime,
    stitch_client_id: z.number().int(),
    destination_id: z.number().int().nullable(),
    check_job_name: z.string().nullable(),
    report_card: reportCardSchema,
  })
  .meta({ id: "Source" });

export const destinationSchema = z
  .object({
    id: z.number().int(),
    type: z.string(),
    name: z.string().nullable(),
    description: z.string().nullable(),
    properties: z.record(z.string(), z.string()),
    stitch_client_id: z.number().int(),
    created_at: wireTime,
    updated_at: wireTime,
  })
  .meta({ id: "Destination" });

// ---- Streams: discovery results and selection ----

const breadcrumbSchema = z
  .array(z.string({ error: "Breadcrumb parts are strings." }).max(300))
  .max(2, 'A breadcrumb is [] (the stream) or ["properties", "<column>"].')
  .meta({ description: '[] for the stream (table), ["properties", "<column>"] for a field.' });

export const streamSelectionSchema = z
  .strictObject({
    streams: z
      .array(
        z.strictObject({
          tap_stream_id: z.string({ error: "tap_stream_id is required." }).min(1, "tap_stream_id is required.").max(500),
          metadata: z
            .array(
              z.strictObject({
                breadcrumb: breadcrumbSchema,
                metadata: z.record(z.string(), z.unknown(), { error: "metadata must be an object." }).meta({
                  description: "Stream: selected, replication-method (FULL_TABLE, INCREMENTAL, LOG_BASED), replication-key. Field: selected.",
                }),
              }),
              { error: "metadata must be a list of {breadcrumb, metadata}." },
            )
            .max(2000),
        }),
        { error: "streams is required: a list of {tap_stream_id, metadata}." },
      )
      .max(1000),
  })
  .meta({ id: "StreamSelection" });
export type StreamSelectionInput = z.infer<typeof streamSelectionSchema>;

export const connectionCheckSchema = z
  .object({
    name: z.string().meta({ description: "The check's job name: <account>.<source>.check.<uuid>." }),
    mode: z.literal("check"),
    status: z.enum(["running", "succeeded", "failed"]),
    start_time: wireTime,
    completion_time: z.string().nullable().meta({ description: "null while running." }),
    error: z.boolean().meta({ description: "true when the check failed." }),
    check_exit_status: z.number().int().nullable().meta({ description: "0 when the database accepted the connection, 1 when not, null while running (or when interrupted first)." }),
    discovery_exit_status: z.number().int().nullable().meta({ description: "0 when discovery succeeded, 1 when it failed, null while running or when the connection failed first." }),
    discovery_error_message: z.string().nullable().meta({ description: "Why the check failed, connection or discovery (the database's message; the password never appears); null otherwise." }),
    tap_exit_status: z.null().meta({ description: "A check runs no tap: always null." }),
    tap_error_message: z.null(),
    target_exit_status: z.null().meta({ description: "A check runs no target: always null." }),
    target_error_message: z.null(),
  })
  .meta({ id: "ConnectionCheck" });

export const streamSummarySchema = z
  .object({
    stream_id: z.number().int(),
    stream_name: z.string(),
    tap_stream_id: z.string(),
    selected: z.boolean().nullable().meta({ description: "null until the stream was first selected or deselected, then true or false." }),
    metadata: z.record(z.string(), z.unknown()).meta({ description: "The stream-level metadata (breadcrumb []); its selected is null, true or false like the stream's." }),
  })
  .meta({ id: "StreamSummary" });

export const streamSchemaSchema = z
  .object({
    schema: z.string().meta({
      description:
        'The stream\'s JSON Schema, as a JSON string: {"type":"object","properties":{...}}; each property\'s type is a list (["null","integer"] nullable, ["integer"] NOT NULL), with format date-time, date or time for those columns.',
    }),
    metadata: z.array(z.object({ breadcrumb: z.array(z.string()), metadata: z.record(z.string(), z.unknown()) })),
    "non-discoverable-metadata-keys": z.array(z.string()),
  })
  .meta({ id: "StreamSchema" });

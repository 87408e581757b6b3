// The Connect API's response shapes: the serializers (wire.ts) produce them and the OpenAPI document shows them.
// One timestamp format on the whole API, the original's: 2019-05-28T13:52:23Z (seconds, Z, no milliseconds).
import { z } from "zod";

export const apiTimestamp = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/)
  .meta({ description: "UTC, to the second: %Y-%m-%dT%H:%M:%SZ.", example: "2019-05-28T13:52:23Z" });

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
  is_credential: z.boolean(),
  provided: z.boolean().optional(),
  property_type: z.string(),
  json_schema: z.object({ type: z.string(), pattern: z.string().optional(), description: z.string() }),
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

export const sourceTypeSchema = reportCardSchema.extend({ display_name: z.string() }).meta({ id: "SourceType" });

const isoOrNull = apiTimestamp.nullable();

export const sourceSchema = z
  .object({
    id: z.number().int(),
    display_name: z.string(),
    name: z.string(),
    type: z.string(),
    properties: z.record(z.string(), z.string()),
    schedule: z.null(),
    paused_at: isoOrNull,
    system_paused_at: isoOrNull,
    deleted_at: isoOrNull,
    created_at: apiTimestamp,
    updated_at: apiTimestamp,
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
    created_at: apiTimestamp,
    updated_at: apiTimestamp,
  })
  .meta({ id: "Destination" });

export const connectionCheckSchema = z
  .object({
    job_name: z.string(),
    status: z.enum(["running", "succeeded", "failed"]),
    check_exit_status: z.number().int().nullable().meta({ description: "0 when the database accepted the connection, 1 when not, null while running." }),
    discovery_exit_status: z.number().int().nullable().meta({ description: "0 when discovery succeeded, 1 when it failed, null while running or when the check failed first." }),
    error: z.string().nullable().meta({ description: "The database's message (the password never appears)." }),
    started_at: apiTimestamp,
    completed_at: apiTimestamp.nullable(),
  })
  .meta({ id: "ConnectionCheck" });

export const streamSummarySchema = z
  .object({
    stream_id: z.number().int(),
    stream_name: z.string(),
    tap_stream_id: z.string(),
    selected: z.boolean(),
    metadata: z.record(z.string(), z.unknown()).meta({ description: "The stream-level metadata (breadcrumb [])." }),
  })
  .meta({ id: "StreamSummary" });

export const streamSchemaSchema = z
  .object({
    schema: z.string().meta({ description: "The stream's JSON Schema, as a JSON string." }),
    metadata: z.array(z.object({ breadcrumb: z.array(z.string()), metadata: z.record(z.string(), z.unknown()) })),
    "non-discoverable-metadata-keys": z.array(z.string()),
  })
  .meta({ id: "StreamSchema" });

export const auditEventSchema = z
  .object({
    id: z.number().int(),
    created_at: apiTimestamp,
    action: z.string().meta({ description: "key.created, key.disabled, key.enabled, key.deleted, key.auto_disabled, member.invited, member.joined, member.removed, member.role_changed, signin.failed" }),
    actor: z.object({
      type: z.enum(["member", "key", "system"]),
      label: z.string().meta({ description: "The member's email, `API key ending …`, or the system's name." }),
    }),
    target: z.object({ type: z.enum(["key", "member"]), label: z.string() }).nullable(),
    ip: z.string().nullable(),
    user_agent: z.string().nullable(),
  })
  .meta({ id: "AuditEvent" });

export const auditEventsPageSchema = z
  .object({
    data: z.array(auditEventSchema).meta({ description: "Up to 100 events, newest first." }),
    page: z.number().int().min(1),
    total: z.number().int().min(0).meta({ description: "Events of the account over all pages." }),
    links: z
      .object({ next: z.string().optional(), previous: z.string().optional() })
      .meta({ description: "Relative URLs of the neighbouring pages (`/v4/audit-events?page=3`); `{}` when one page holds everything." }),
  })
  .meta({ id: "AuditEventsPage" });

export const selectionSavedSchema = z.object({ status: z.literal(200) }).meta({ description: "The selection was saved." });
export const emptyObjectSchema = z.strictObject({}).meta({ description: "An empty object." });
export const healthSchema = z.object({ status: z.enum(["ok", "unavailable"]) });
export const openApiDocumentSchema = z.object({ openapi: z.string() }).loose().meta({ description: "This document." });

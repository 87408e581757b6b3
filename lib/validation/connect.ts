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
    z.string({ error: "Property values are strings." }).max(4096, "Property values are at most 4096 characters."),
  )
  .meta({ description: "Property values, all strings. Credential properties are write-only." });

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
  })
  .meta({ id: "UpdateSource" });
export type UpdateSourceInput = z.infer<typeof updateSourceSchema>;

export const createDestinationSchema = z
  .strictObject({
    type: z.string({ error: "type is required, e.g. postgres." }).max(100),
    properties: propertiesSchema,
    name: text("name", 100).optional(),
    description: text("description", 500).optional(),
  })
  .meta({ id: "CreateDestination" });
export type CreateDestinationInput = z.infer<typeof createDestinationSchema>;

export const updateDestinationSchema = z
  .strictObject({
    type: z.string().max(100).optional().meta({ description: "May be sent but cannot change." }),
    properties: propertiesSchema.optional(),
    name: text("name", 100).optional(),
    description: text("description", 500).optional(),
  })
  .meta({ id: "UpdateDestination" });
export type UpdateDestinationInput = z.infer<typeof updateDestinationSchema>;

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

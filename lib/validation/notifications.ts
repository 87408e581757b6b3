// Request and response shapes of the notifications API (/notifications/public/v1/api/...): they validate
// requests and make its part of the OpenAPI document.
import { z } from "zod";

const timestamp = z.string().refine((s) => !Number.isNaN(Date.parse(s)), "Use an ISO 8601 timestamp, e.g. 2019-06-01T00:00:00Z.");
const time = z.string().meta({ description: "UTC, e.g. 2019-07-16T16:51:20Z." });

export const createCustomEmailSchema = z
  .strictObject({
    email_address: z
      .string({ error: "Required. Must be valid email address format." })
      .trim()
      .max(254, "At most 254 characters.")
      .pipe(z.email("Required. Must be valid email address format.")),
  })
  .meta({ id: "CreateCustomEmail" });

export const updateCustomEmailSchema = z
  .strictObject({
    disabled_at: timestamp.nullable().meta({ description: "Any timestamp disables (pauses) the address now; null re-enables it." }),
  })
  .meta({ id: "UpdateCustomEmail" });

export const createHookSchema = z
  .strictObject({
    type: z.literal("post_load", { error: 'type must be "post_load".' }),
    destination_id: z.number({ error: "destination_id is required: the id of one of the account's destinations." }).int().positive(),
    config: z.strictObject({ url: z.string({ error: "config.url is required." }).max(2048, "At most 2048 characters.") }, { error: "config is required: {url}." }),
  })
  .meta({ id: "CreateHook" });

export const updateHookSchema = z
  .strictObject({ enable: z.boolean({ error: "PUT body must only contain boolean 'enable' key" }) }, { error: "PUT body must only contain boolean 'enable' key" })
  .meta({ id: "UpdateHook" });

export const customEmailSchema = z
  .object({
    id: z.number().int(),
    client_id: z.number().int().meta({ description: "The account id." }),
    email_address: z.string(),
    created_at: time,
    modified_at: time,
    disabled_at: time.nullable(),
  })
  .meta({ id: "CustomEmail" });

export const hookSchema = z
  .object({
    id: z.number().int(),
    client_id: z.number().int().meta({ description: "The account id." }),
    type: z.literal("post_load"),
    version: z.number().int(),
    destination_id: z.number().int(),
    config: z.object({ url: z.string() }),
    created_at: time,
    modified_at: time,
    disabled_at: time.nullable(),
  })
  .meta({ id: "Hook" });

export const createdHookSchema = hookSchema
  .extend({
    secret: z.string().meta({ description: "The signing secret (our addition): shown only in this answer, never again." }),
  })
  .meta({ id: "CreatedHook" });

export const hookListSchema = z.object({ post_load: z.array(hookSchema) }).meta({ id: "HookList" });

export const hookDeliverySchema = z
  .object({
    id: z.number().int(),
    delivery_id: z.string().meta({ description: "The X-Bobbin-Delivery header of the request; shared by the attempts of one delivery." }),
    attempt: z.number().int().min(1),
    outcome: z.enum(["succeeded", "failed", "abandoned"]).meta({ description: "failed: retried later; abandoned: no more attempts." }),
    response_status: z.number().int().nullable(),
    error: z.string().nullable(),
    duration_ms: z.number().int(),
    created_at: time,
  })
  .meta({ id: "HookDelivery" });

export const hookDeliveriesSchema = z
  .object({ data: z.array(hookDeliverySchema).meta({ description: "The 100 latest attempts, newest first." }) })
  .meta({ id: "HookDeliveries" });

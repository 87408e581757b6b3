// Response shape of GET /v4/destination-types[/{type}]: the original's destination report card.
import { z } from "zod";

const formPropertySchema = z.object({
  name: z.string(),
  is_required: z.boolean(),
  is_credential: z.boolean().meta({ description: "Write-only: stored encrypted, never returned." }),
  system_provided: z.boolean(),
  tap_mutable: z.boolean(),
  property_type: z.string(),
  json_schema: z.record(z.string(), z.unknown()).meta({ description: '{"type":"string"}, with a pattern; or {"type":"boolean"} (true/false, or the strings "true"/"false").' }),
  provided: z.boolean(),
});

export const destinationTypeSchema = z
  .object({
    type: z.string().meta({ description: "e.g. postgres" }),
    current_step: z.number().int(),
    current_step_type: z.literal("form"),
    steps: z.array(z.object({ type: z.enum(["form", "fully_configured"]), properties: z.array(formPropertySchema) })),
    details: z.object({ pricing_tier: z.string(), pipeline_state: z.string(), protocol: z.string(), access: z.boolean() }),
  })
  .meta({ id: "DestinationType" });

// Input rules for the Sources pages' actions (the API's own rules live in connect.ts).
import { z } from "zod";

const accountId = z.coerce.number().int().positive();
const required = (label: string, max = 255) =>
  z.string({ error: `Enter the ${label}.` }).trim().min(1, `Enter the ${label}.`).max(max, `Use at most ${max} characters.`);

export const addPostgresSourceSchema = z.object({
  accountId,
  display_name: required("display name", 100),
  host: required("host"),
  port: z.string().trim().regex(/^[0-9]{1,5}$/, "Enter a port between 1 and 65535.").refine((p) => Number(p) >= 1 && Number(p) <= 65535, "Enter a port between 1 and 65535."),
  dbname: required("database name"),
  user: required("user"),
  password: z.string({ error: "Enter the password." }).min(1, "Enter the password.").max(4096),
  filter_schemas: z.string().trim().max(4096).optional().default(""),
});
export type AddPostgresSourceInput = z.infer<typeof addPostgresSourceSchema>;

const sourceId = z.coerce.number().int().positive();

export const sourceTargetSchema = z.object({ accountId, sourceId });

// Editing: the same fields; an empty password keeps the stored one (it is never sent back to the form).
export const editPostgresSourceSchema = addPostgresSourceSchema.extend({
  sourceId,
  password: z.string().max(4096).optional().default(""),
});

export const selectionFormSchema = sourceTargetSchema.extend({ selection: z.string().max(1_000_000) });

export const pauseSourceSchema = sourceTargetSchema.extend({ paused: z.enum(["true", "false"]).transform((v) => v === "true") });

// Input rules for team actions (invitations, roles, removal, joining).
import { z } from "zod";
import { ROLES } from "../team/roles";

const accountId = z.coerce.number().int().positive();

export const inviteSchema = z.object({
  accountId,
  email: z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address.").max(254, "Enter a valid email address.")),
  role: z.enum(ROLES, { error: "Choose a role." }),
});

export const memberTargetSchema = z.object({ accountId, userId: z.string().min(1).max(100) });

export const invitationTargetSchema = z.object({ accountId, invitationId: z.coerce.number().int().positive() });

export const changeRoleSchema = memberTargetSchema.extend({ role: z.enum(ROLES, { error: "Choose a role." }) });

export const joinSchema = z
  .object({
    token: z.string().min(10).max(200),
    name: z.string().trim().max(100, "Use at most 100 characters.").optional().default(""),
    password: z.string().min(10, "Use at least 10 characters.").max(200, "Use at most 200 characters."),
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "The passwords do not match." });

// Input rules for API key actions, shared by server actions and the Connect API.
import { z } from "zod";
import { parseAllowList } from "../api-keys/allow-list";
import { KEY_ERROR_MESSAGES } from "../api-keys/service";

// C0/C1 control characters and bidirectional overrides/isolates (which can disguise text).
const FORBIDDEN = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u;
export const DESCRIPTION_MAX = 100;

export const keyDescriptionSchema = z
  .string({ error: "Enter a description." })
  .transform((s) => s.trim())
  .pipe(
    z
      .string()
      .min(1, "Enter a description.")
      .max(DESCRIPTION_MAX, `Use at most ${DESCRIPTION_MAX} characters.`)
      .refine((s) => !FORBIDDEN.test(s), "Remove control characters (such as line breaks or tabs)."),
  );

export const createApiKeySchema = z.object({
  workspaceId: z.coerce.number().int().positive(),
  description: keyDescriptionSchema,
});
export type CreateApiKeyInput = z.infer<typeof createApiKeySchema>;

export const apiKeyIdSchema = z.object({
  workspaceId: z.coerce.number().int().positive(),
  keyId: z.coerce.number().int().positive(),
});
export type ApiKeyIdInput = z.infer<typeof apiKeyIdSchema>;

// Expiry, access and allow-list of a new or edited key (all optional: a key never expires, has full access, from anywhere).
const DAY = 24 * 60 * 60 * 1000;
export const EXPIRY_CHOICES = ["never", "30", "90", "365", "date"] as const;
export type ExpiryChoice = (typeof EXPIRY_CHOICES)[number];

// The moment a choice means: N days from now, or the start (00:00 UTC) of a date, which must be in the future.
export function expiryFrom(choice: ExpiryChoice, date: string | null | undefined, now = new Date()): { ok: true; expiresAt: Date | null } | { ok: false; message: string } {
  if (choice === "never") return { ok: true, expiresAt: null };
  if (choice !== "date") return { ok: true, expiresAt: new Date(now.getTime() + Number(choice) * DAY) };
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date ?? "");
  const at = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!at || Number.isNaN(at.getTime()) || at.toISOString().slice(0, 10) !== date) return { ok: false, message: "Enter a date as YYYY-MM-DD." };
  if (at.getTime() <= now.getTime()) return { ok: false, message: "Choose a date in the future (the key expires at 00:00 UTC that day)." };
  return { ok: true, expiresAt: at };
}

export const keySettingsSchema = z.object({
  expiry: z.enum(EXPIRY_CHOICES, { error: "Choose when the key expires." }).nullish().transform((v) => v ?? "never"),
  expiryDate: z.string().max(20).nullish(),
  access: z.enum(["full", "read"], { error: "Choose Full access or Read-only." }).nullish().transform((v) => v ?? "full"),
  allowedIps: z.string().max(2_000, "Use at most 2000 characters.").nullish().transform((v) => v ?? ""),
});

export const rollApiKeySchema = apiKeyIdSchema.extend({
  overlap: z.enum(["now", "1h", "24h", "7d"], { error: "Choose how long the old key keeps working." }),
});

export const editApiKeySchema = apiKeyIdSchema.extend({
  description: keyDescriptionSchema,
  // "keep" leaves the expiry as it is; otherwise it may only move earlier.
  expiry: z.enum(["keep", ...EXPIRY_CHOICES], { error: "Choose when the key expires." }).nullish().transform((v) => v ?? "keep"),
  expiryDate: z.string().max(20).nullish(),
  access: z.enum(["full", "read"], { error: "Choose Full access or Read-only." }),
  // Absent: the allow-list stays as it is; an empty field clears it.
  allowedIps: z.string().max(2_000, "Use at most 2000 characters.").nullish().transform((v) => v ?? undefined),
});

// A refusal at one field, from inside a form schema's transform.
function refuseAt(context: z.RefinementCtx, field: string, message: string): never {
  context.addIssue({ code: "custom", message, path: [field] });
  return z.NEVER;
}

// The "Generate a Key" form: description and settings, the expiry as a moment and the allow-list as CIDRs.
export const generateKeyFormSchema = createApiKeySchema.extend(keySettingsSchema.shape).transform(({ expiry: choice, expiryDate, allowedIps, ...rest }, context) => {
  const expiry = expiryFrom(choice, expiryDate);
  if (!expiry.ok) return refuseAt(context, "expiryDate", expiry.message);
  const allowList = parseAllowList(allowedIps);
  if (!allowList.ok) return refuseAt(context, "allowedIps", allowList.message);
  return { ...rest, expiresAt: expiry.expiresAt, allowedCidrs: allowList.cidrs };
});

// The "Edit this key" form: the expiry may only come earlier ("keep" leaves it), an absent allow-list stays as it is.
export const editKeyFormSchema = editApiKeySchema.transform(({ expiry: choice, expiryDate, allowedIps, ...rest }, context) => {
  let expiresAt: Date | undefined;
  if (choice !== "keep") {
    const expiry = expiryFrom(choice, expiryDate);
    if (!expiry.ok) return refuseAt(context, "expiryDate", expiry.message);
    if (expiry.expiresAt === null) return refuseAt(context, "expiry", KEY_ERROR_MESSAGES.expiry_not_shorter);
    expiresAt = expiry.expiresAt;
  }
  const allowList = allowedIps === undefined ? undefined : parseAllowList(allowedIps);
  if (allowList && !allowList.ok) return refuseAt(context, "allowedIps", allowList.message);
  return { ...rest, expiresAt, allowedCidrs: allowList?.cidrs };
});

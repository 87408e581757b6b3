// Input rules for API key actions, shared by server actions and the Connect API.
import { z } from "zod";

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
  accountId: z.coerce.number().int().positive(),
  description: keyDescriptionSchema,
});
export type CreateApiKeyInput = z.infer<typeof createApiKeySchema>;

export const apiKeyIdSchema = z.object({
  accountId: z.coerce.number().int().positive(),
  keyId: z.coerce.number().int().positive(),
});
export type ApiKeyIdInput = z.infer<typeof apiKeyIdSchema>;

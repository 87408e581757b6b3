"use server";
// Server actions of the API keys section, each one declaration of the one pipeline (app/_lib/action.ts).
import { CHECK_FIELDS as CHECK, memberAction } from "@/app/_lib/action";
import { parseAllowList } from "@/lib/api-keys/allow-list";
import { rollApiKey, updateApiKey } from "@/lib/api-keys/changes";
import { createApiKey, deleteApiKey, KEY_ERROR_MESSAGES, setApiKeyStatus } from "@/lib/api-keys/service";
import { db } from "@/lib/db/client";
import { fail } from "@/lib/result";
import { readSecret } from "@/lib/secrets";
import { apiKeyIdSchema, createApiKeySchema, editApiKeySchema, expiryFrom, keySettingsSchema, rollApiKeySchema, type ExpiryChoice } from "@/lib/validation/api-keys";

const revealed = (value: { key: { last4: string }; plaintext: string }) => ({ plaintext: value.plaintext, last4: value.key.last4 });

// The settings of a new key, read once: its expiry (a choice or a date) and its allow-list.
function settingsOf(input: { expiry: ExpiryChoice; expiryDate?: string | null; allowedIps: string }) {
  const expiry = expiryFrom(input.expiry, input.expiryDate);
  const allowList = parseAllowList(input.allowedIps);
  return { expiry, allowList };
}

// Generate a key; the plaintext travels back once, in this response only.
export const generateApiKeyAction = memberAction({
  schema: createApiKeySchema.extend(keySettingsSchema.shape),
  check: (input) => {
    const { expiry, allowList } = settingsOf(input);
    if (!expiry.ok) return fail("invalid", CHECK, { expiryDate: expiry.message });
    return allowList.ok ? null : fail("invalid", CHECK, { allowedIps: allowList.message });
  },
  run: ({ input, member, meta }) => {
    const { expiry, allowList } = settingsOf(input);
    const settings = { expiresAt: expiry.ok ? expiry.expiresAt : null, access: input.access, allowedCidrs: allowList.ok ? allowList.cidrs : [] };
    return createApiKey(db, member, input.description, readSecret("API_KEY_HMAC_SECRET"), meta, settings);
  },
  data: revealed,
});

// Disable a key: the API refuses it from the next request on.
export const disableApiKeyAction = memberAction({
  schema: apiKeyIdSchema,
  invalid: KEY_ERROR_MESSAGES.not_found,
  run: ({ input, member, meta }) => setApiKeyStatus(db, member, input.keyId, "disabled", meta),
});

// Re-enable a disabled key.
export const enableApiKeyAction = memberAction({
  schema: apiKeyIdSchema,
  invalid: KEY_ERROR_MESSAGES.not_found,
  run: ({ input, member, meta }) => setApiKeyStatus(db, member, input.keyId, "enabled", meta),
});

// Delete a key for good and free its slot.
export const deleteApiKeyAction = memberAction({
  schema: apiKeyIdSchema,
  invalid: KEY_ERROR_MESSAGES.not_found,
  run: ({ input, member, meta }) => deleteApiKey(db, member, input.keyId, meta),
});

// Roll a key: a new key with the same settings (its plaintext travels back once, here), the old one expiring after the overlap.
export const rollApiKeyAction = memberAction({
  schema: rollApiKeySchema,
  run: ({ input, member, meta }) => rollApiKey(db, member, input.keyId, input.overlap, readSecret("API_KEY_HMAC_SECRET"), meta),
  data: revealed,
});

// The expiry an edit asks for: kept, or a date that must come before the current one.
function editedExpiry(input: { expiry: "keep" | ExpiryChoice; expiryDate?: string | null }) {
  if (input.expiry === "keep") return { ok: true as const, expiresAt: undefined };
  const expiry = expiryFrom(input.expiry, input.expiryDate);
  if (!expiry.ok) return { ok: false as const, field: "expiryDate", message: expiry.message };
  if (expiry.expiresAt === null) return { ok: false as const, field: "expiry", message: KEY_ERROR_MESSAGES.expiry_not_shorter };
  return { ok: true as const, expiresAt: expiry.expiresAt };
}

// Edit a key's description, expiry (earlier only), access and allow-list.
export const editApiKeyAction = memberAction({
  schema: editApiKeySchema,
  check: (input) => {
    const expiry = editedExpiry(input);
    if (!expiry.ok) return fail("invalid", CHECK, { [expiry.field]: expiry.message });
    const allowList = input.allowedIps === undefined ? null : parseAllowList(input.allowedIps);
    return allowList && !allowList.ok ? fail("invalid", CHECK, { allowedIps: allowList.message }) : null;
  },
  run: ({ input, member, meta }) => {
    const expiry = editedExpiry(input);
    const allowList = input.allowedIps === undefined ? undefined : parseAllowList(input.allowedIps);
    const changes = {
      description: input.description,
      expiresAt: expiry.ok ? expiry.expiresAt : undefined,
      access: input.access,
      allowedCidrs: allowList?.ok ? allowList.cidrs : undefined,
    };
    return updateApiKey(db, member, input.keyId, changes, meta);
  },
});

"use server";
// Server actions of the API keys section, each one pass of the action pipeline (membership re-checked there).
import { serverAction } from "@/app/_lib/action";
import { db } from "@/lib/db";
import { createApiKey, deleteApiKey, KEY_ERROR_MESSAGES, setApiKeyStatus } from "@/lib/api-keys/service";
import { readSecret } from "@/lib/secrets";
import { rollApiKey, updateApiKey } from "@/lib/api-keys/changes";
import { apiKeyIdSchema, editKeyFormSchema, generateKeyFormSchema, rollApiKeySchema } from "@/lib/validation/api-keys";

// The key a row's menu names; an unreadable one cannot be found.
const onKey = { schema: apiKeyIdSchema, caller: "member", invalid: KEY_ERROR_MESSAGES.not_found } as const;
const revealed = ({ key, plaintext }: { key: { last4: string }; plaintext: string }) => ({ plaintext, last4: key.last4 });

// Generate a key; the plaintext travels back once, in this response only.
export const generateApiKeyAction = serverAction({
  schema: generateKeyFormSchema,
  caller: "member",
  run: ({ description, ...settings }, { caller, meta }) => createApiKey(db, caller, description, readSecret("API_KEY_HMAC_SECRET"), meta, settings),
  reply: revealed,
});

// Disable a key: the API refuses it from the next request on.
export const disableApiKeyAction = serverAction({ ...onKey, run: ({ keyId }, { caller, meta }) => setApiKeyStatus(db, caller, keyId, "disabled", meta) });

// Re-enable a disabled key.
export const enableApiKeyAction = serverAction({ ...onKey, run: ({ keyId }, { caller, meta }) => setApiKeyStatus(db, caller, keyId, "enabled", meta) });

// Delete a key for good and free its slot.
export const deleteApiKeyAction = serverAction({ ...onKey, run: ({ keyId }, { caller, meta }) => deleteApiKey(db, caller, keyId, meta) });

// Roll a key: a new key with the same settings (its plaintext travels back once, here), the old one expiring after the overlap.
export const rollApiKeyAction = serverAction({
  schema: rollApiKeySchema,
  caller: "member",
  run: ({ keyId, overlap }, { caller, meta }) => rollApiKey(db, caller, keyId, overlap, readSecret("API_KEY_HMAC_SECRET"), meta),
  reply: revealed,
});

// Edit a key's description, expiry (earlier only), access and allow-list.
export const editApiKeyAction = serverAction({
  schema: editKeyFormSchema,
  caller: "member",
  run: ({ keyId, description, expiresAt, access, allowedCidrs }, { caller, meta }) => updateApiKey(db, caller, keyId, { description, expiresAt, access, allowedCidrs }, meta),
});

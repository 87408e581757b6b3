"use server";
// Server actions of the API keys section; each runs through the one action pipeline (app/_lib/run-action.ts).
import { runAction } from "@/app/_lib/run-action";
import type { ActionResult } from "@/lib/action-result";
import { createApiKey, deleteApiKey, KEY_ERROR_MESSAGES, setApiKeyStatus } from "@/lib/api-keys/service";
import { db } from "@/lib/db/client";
import { readSecret } from "@/lib/secrets";
import { apiKeyIdSchema, createApiKeySchema } from "@/lib/validation/api-keys";

const PAGE = "/settings/account";
const onKey = { schema: apiKeyIdSchema, invalid: KEY_ERROR_MESSAGES.not_found, revalidate: PAGE, data: () => undefined };

// Generate a key; the plaintext travels back once, in this response only.
export async function generateApiKeyAction(form: FormData): Promise<ActionResult<{ plaintext: string; last4: string }>> {
  return runAction(form, {
    schema: createApiKeySchema,
    revalidate: PAGE,
    run: (input, member, meta) => createApiKey(db, member, input.description, readSecret("API_KEY_HMAC_SECRET"), meta),
    data: ({ plaintext, key }) => ({ plaintext, last4: key.last4 }),
  });
}

// Disable a key: the API refuses it from the next request on.
export async function disableApiKeyAction(form: FormData): Promise<ActionResult> {
  return runAction(form, { ...onKey, run: (input, member, meta) => setApiKeyStatus(db, member, input.keyId, "disabled", meta) });
}

// Re-enable a disabled key.
export async function enableApiKeyAction(form: FormData): Promise<ActionResult> {
  return runAction(form, { ...onKey, run: (input, member, meta) => setApiKeyStatus(db, member, input.keyId, "enabled", meta) });
}

// Delete a key for good and free its slot.
export async function deleteApiKeyAction(form: FormData): Promise<ActionResult> {
  return runAction(form, { ...onKey, run: (input, member, meta) => deleteApiKey(db, member, input.keyId, meta) });
}

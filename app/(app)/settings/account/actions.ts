"use server";
// Server actions of the API keys section. Each one authenticates, re-checks membership, validates, acts.
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { z } from "zod";
import type { ActionResult } from "@/lib/action-result";
import { memberForAction } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { createApiKey, deleteApiKey, KEY_ERROR_MESSAGES, setApiKeyStatus } from "@/lib/api-keys/service";
import type { RequestMeta } from "@/lib/audit/events";
import type { Member } from "@/lib/auth/membership";
import { requestMetaFrom } from "@/lib/request-meta";
import type { Result } from "@/lib/result";
import { readSecret } from "@/lib/secrets";
import { apiKeyIdSchema, createApiKeySchema } from "@/lib/validation/api-keys";

const SIGNED_OUT = "Your session has ended or you are no longer a member of this account. Sign in again.";
const PAGE = "/settings/account";

function invalid(error: z.ZodError): ActionResult<never> {
  const fieldErrors = z.flattenError(error).fieldErrors as Record<string, string[] | undefined>;
  return { ok: false, error: "Check the highlighted field.", fieldErrors };
}

// Generate a key; the plaintext travels back once, in this response only.
export async function generateApiKeyAction(form: FormData): Promise<ActionResult<{ plaintext: string; last4: string }>> {
  const input = createApiKeySchema.safeParse({ accountId: form.get("accountId"), description: form.get("description") ?? "" });
  if (!input.success) return invalid(input.error);
  const member = await memberForAction(input.data.accountId);
  if (!member) return { ok: false, error: SIGNED_OUT };
  const meta = requestMetaFrom(await headers());
  const result = await createApiKey(db, member, input.data.description, readSecret("API_KEY_HMAC_SECRET"), meta);
  if (!result.ok) return { ok: false, error: result.message };
  revalidatePath(PAGE);
  return { ok: true, data: { plaintext: result.value.plaintext, last4: result.value.key.last4 } };
}

// Parse the key a form names, re-check membership, run the action on it, refresh the page.
type KeyAct = (member: Member, keyId: number, meta: RequestMeta) => Promise<Result<unknown>>;

async function onKey(form: FormData, act: KeyAct): Promise<ActionResult> {
  const input = apiKeyIdSchema.safeParse({ accountId: form.get("accountId"), keyId: form.get("keyId") });
  if (!input.success) return { ok: false, error: KEY_ERROR_MESSAGES.not_found };
  const member = await memberForAction(input.data.accountId);
  if (!member) return { ok: false, error: SIGNED_OUT };
  const result = await act(member, input.data.keyId, requestMetaFrom(await headers()));
  revalidatePath(PAGE);
  return result.ok ? { ok: true, data: undefined } : { ok: false, error: result.message };
}

// Disable a key: the API refuses it from the next request on.
export async function disableApiKeyAction(form: FormData): Promise<ActionResult> {
  return onKey(form, (member, keyId, meta) => setApiKeyStatus(db, member, keyId, "disabled", meta));
}

// Re-enable a disabled key.
export async function enableApiKeyAction(form: FormData): Promise<ActionResult> {
  return onKey(form, (member, keyId, meta) => setApiKeyStatus(db, member, keyId, "enabled", meta));
}

// Delete a key for good and free its slot.
export async function deleteApiKeyAction(form: FormData): Promise<ActionResult> {
  return onKey(form, (member, keyId, meta) => deleteApiKey(db, member, keyId, meta));
}

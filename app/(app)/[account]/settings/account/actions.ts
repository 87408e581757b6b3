"use server";
// Server actions of the API keys section. Each one authenticates, re-checks membership, validates, acts.
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { z } from "zod";
import type { ActionResult } from "@/lib/action-result";
import { memberForAction } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { createApiKey, deleteApiKey, KEY_ERROR_MESSAGES, setApiKeyStatus, type KeyResult } from "@/lib/api-keys/service";
import type { RequestMeta } from "@/lib/audit/events";
import type { Member } from "@/lib/members";
import { requestMetaFrom } from "@/lib/request-meta";
import { readSecret } from "@/lib/secrets";
import { parseAllowList } from "@/lib/api-keys/allow-list";
import { rollApiKey, updateApiKey } from "@/lib/api-keys/changes";
import { apiKeyIdSchema, createApiKeySchema, editApiKeySchema, expiryFrom, keySettingsSchema, rollApiKeySchema } from "@/lib/validation/api-keys";

const SIGNED_OUT = "Your session has ended or you are no longer a member of this account. Sign in again.";

function invalid(error: z.ZodError): ActionResult<never> {
  const fieldErrors = z.flattenError(error).fieldErrors as Record<string, string[] | undefined>;
  return { ok: false, error: "Check the highlighted field.", fieldErrors };
}

// Generate a key; the plaintext travels back once, in this response only.
export async function generateApiKeyAction(form: FormData): Promise<ActionResult<{ plaintext: string; last4: string }>> {
  const input = createApiKeySchema.safeParse({ workspaceId: form.get("workspaceId"), description: form.get("description") ?? "" });
  if (!input.success) return invalid(input.error);
  const settings = keySettingsSchema.safeParse(Object.fromEntries(["expiry", "expiryDate", "access", "allowedIps"].map((k) => [k, form.get(k)])));
  if (!settings.success) return invalid(settings.error);
  const expiry = expiryFrom(settings.data.expiry, settings.data.expiryDate);
  if (!expiry.ok) return { ok: false, error: "Check the highlighted field.", fieldErrors: { expiryDate: [expiry.message] } };
  const allowList = parseAllowList(settings.data.allowedIps);
  if (!allowList.ok) return { ok: false, error: "Check the highlighted field.", fieldErrors: { allowedIps: [allowList.message] } };
  const member = await memberForAction(input.data.workspaceId);
  if (!member) return { ok: false, error: SIGNED_OUT };
  const meta = requestMetaFrom(await headers());
  const result = await createApiKey(db, member, input.data.description, readSecret("API_KEY_HMAC_SECRET"), meta, {
    expiresAt: expiry.expiresAt,
    access: settings.data.access,
    allowedCidrs: allowList.cidrs,
  });
  if (!result.ok) return { ok: false, error: result.message };
  revalidatePath("/", "layout");
  return { ok: true, data: { plaintext: result.data.plaintext, last4: result.data.key.last4 } };
}

// Parse the key a form names, re-check membership, run the action on it, refresh the page.
type KeyAct = (member: Member, keyId: number, meta: RequestMeta) => Promise<KeyResult<unknown>>;

async function onKey(form: FormData, act: KeyAct): Promise<ActionResult> {
  const input = apiKeyIdSchema.safeParse({ workspaceId: form.get("workspaceId"), keyId: form.get("keyId") });
  if (!input.success) return { ok: false, error: KEY_ERROR_MESSAGES.not_found };
  const member = await memberForAction(input.data.workspaceId);
  if (!member) return { ok: false, error: SIGNED_OUT };
  const result = await act(member, input.data.keyId, requestMetaFrom(await headers()));
  revalidatePath("/", "layout");
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

// Roll a key: a new key with the same settings (its plaintext travels back once, here), the old one expiring after the overlap.
export async function rollApiKeyAction(form: FormData): Promise<ActionResult<{ plaintext: string; last4: string }>> {
  const input = rollApiKeySchema.safeParse({ workspaceId: form.get("workspaceId"), keyId: form.get("keyId"), overlap: form.get("overlap") });
  if (!input.success) return invalid(input.error);
  const member = await memberForAction(input.data.workspaceId);
  if (!member) return { ok: false, error: SIGNED_OUT };
  const result = await rollApiKey(db, member, input.data.keyId, input.data.overlap, readSecret("API_KEY_HMAC_SECRET"), requestMetaFrom(await headers()));
  if (!result.ok) return { ok: false, error: result.message };
  revalidatePath("/", "layout");
  return { ok: true, data: { plaintext: result.data.plaintext, last4: result.data.key.last4 } };
}

// Edit a key's description, expiry (earlier only), access and allow-list.
export async function editApiKeyAction(form: FormData): Promise<ActionResult> {
  const input = editApiKeySchema.safeParse(
    Object.fromEntries(["workspaceId", "keyId", "description", "expiry", "expiryDate", "access", "allowedIps"].map((k) => [k, form.get(k) ?? undefined])),
  );
  if (!input.success) return invalid(input.error);
  const { expiry: choice, expiryDate, allowedIps, ...rest } = input.data;
  let expiresAt: Date | undefined;
  if (choice !== "keep") {
    const expiry = expiryFrom(choice, expiryDate);
    if (!expiry.ok) return { ok: false, error: "Check the highlighted field.", fieldErrors: { expiryDate: [expiry.message] } };
    if (expiry.expiresAt === null) return { ok: false, error: "Check the highlighted field.", fieldErrors: { expiry: [KEY_ERROR_MESSAGES.expiry_not_shorter] } };
    expiresAt = expiry.expiresAt;
  }
  const allowList = allowedIps === undefined ? undefined : parseAllowList(allowedIps);
  if (allowList && !allowList.ok) return { ok: false, error: "Check the highlighted field.", fieldErrors: { allowedIps: [allowList.message] } };
  const member = await memberForAction(rest.workspaceId);
  if (!member) return { ok: false, error: SIGNED_OUT };
  const result = await updateApiKey(
    db,
    member,
    rest.keyId,
    { description: rest.description, expiresAt, access: rest.access, allowedCidrs: allowList?.cidrs },
    requestMetaFrom(await headers()),
  );
  revalidatePath("/", "layout");
  return result.ok ? { ok: true, data: undefined } : { ok: false, error: result.message };
}

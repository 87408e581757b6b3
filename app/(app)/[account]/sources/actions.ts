"use server";
// Server actions of the Sources pages: add a PostgreSQL source, check it again, save its table and column selection.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { ActionResult } from "@/lib/action-result";
import { memberForAction } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { changeByMember as by } from "@/app/(app)/_lib/change-by";
import { connectServices } from "@/lib/connect/services";
import { checkSource, createSource, deleteSource, updateSource } from "@/lib/connect/sources";
import type { Failure } from "@/lib/connect/result";
import { updateStreamMetadata } from "@/lib/connect/stream-access";
import { streamSelectionSchema } from "@/lib/validation/connect";
import { addPostgresSourceSchema, editPostgresSourceSchema, pauseSourceSchema, selectionFormSchema, sourceTargetSchema } from "@/lib/validation/sources";

const SIGNED_OUT = "Your session has ended or you are no longer a member of this account. Sign in again.";
const NOT_FOUND = "The source was not found.";

function invalid(error: z.ZodError): ActionResult<never> {
  return { ok: false, error: "Check the highlighted fields.", fieldErrors: z.flattenError(error).fieldErrors as Record<string, string[]> };
}

// Add a PostgreSQL source; its connection check and discovery start at once.
export async function addPostgresSourceAction(form: FormData): Promise<ActionResult<{ id: number }>> {
  const input = addPostgresSourceSchema.safeParse(Object.fromEntries(form));
  if (!input.success) return invalid(input.error);
  const member = await memberForAction(input.data.workspaceId);
  if (!member) return { ok: false, error: SIGNED_OUT };
  const { workspaceId: _w, display_name, ...properties } = input.data;
  const result = await createSource(connectServices(), member.workspaceId, { display_name, type: "platform.postgres", properties }, await by(member));
  if (!result.ok) return refused(result);
  revalidatePath("/", "layout");
  return { ok: true, data: { id: result.value.id } };
}

// Change a source's name and connection details (an empty password keeps the stored one); the check runs again.
export async function editPostgresSourceAction(form: FormData): Promise<ActionResult<{ id: number }>> {
  const input = editPostgresSourceSchema.safeParse(Object.fromEntries(form));
  if (!input.success) return invalid(input.error);
  const member = await memberForAction(input.data.workspaceId);
  if (!member) return { ok: false, error: SIGNED_OUT };
  const { workspaceId: _w, sourceId, display_name, password, ...properties } = input.data;
  const change = password ? { ...properties, password } : properties;
  const result = await updateSource(connectServices(), member.workspaceId, sourceId, { display_name, properties: change }, await by(member));
  if (!result.ok) return refused(result);
  revalidatePath("/", "layout");
  return { ok: true, data: { id: sourceId } };
}

// Pause (replication stops until resumed) or resume a source, as PUT /v4/sources/{id} with paused_at does.
export async function pauseSourceAction(form: FormData): Promise<ActionResult> {
  const input = pauseSourceSchema.safeParse(Object.fromEntries(form));
  if (!input.success) return { ok: false, error: NOT_FOUND };
  const member = await memberForAction(input.data.workspaceId);
  if (!member) return { ok: false, error: SIGNED_OUT };
  const paused_at = input.data.paused ? new Date().toISOString() : null;
  const result = await updateSource(connectServices(), member.workspaceId, input.data.sourceId, { paused_at }, await by(member));
  revalidatePath("/", "layout");
  return result.ok ? { ok: true, data: undefined } : refused(result);
}

// Soft delete, as DELETE /v4/sources/{id}: the source stays listed as deleted and can no longer change.
export async function deleteSourceAction(form: FormData): Promise<ActionResult> {
  const input = sourceTargetSchema.safeParse(Object.fromEntries(form));
  if (!input.success) return { ok: false, error: NOT_FOUND };
  const member = await memberForAction(input.data.workspaceId);
  if (!member) return { ok: false, error: SIGNED_OUT };
  const result = await deleteSource(db, member.workspaceId, input.data.sourceId, await by(member));
  revalidatePath("/", "layout");
  return result.ok ? { ok: true, data: undefined } : refused(result);
}

// A domain refusal as the form shows it: property errors at their fields.
function refused(result: Failure): ActionResult<never> {
  const fieldErrors = Object.fromEntries(Object.entries(result.fields ?? {}).map(([k, v]) => [k.replace(/^properties\./, ""), [v]]));
  return { ok: false, error: result.code === "NotFound" ? NOT_FOUND : result.message, fieldErrors };
}

// Run the connection check and discovery again.
export async function recheckSourceAction(form: FormData): Promise<ActionResult> {
  const input = sourceTargetSchema.safeParse(Object.fromEntries(form));
  if (!input.success) return { ok: false, error: NOT_FOUND };
  const member = await memberForAction(input.data.workspaceId);
  if (!member) return { ok: false, error: SIGNED_OUT };
  const result = await checkSource(connectServices(), member.workspaceId, input.data.sourceId, await by(member));
  revalidatePath("/", "layout");
  return result.ok ? { ok: true, data: undefined } : { ok: false, error: result.message };
}

// Save the ticked tables and columns: the API's request shape and rules, all or nothing.
export async function saveSelectionAction(form: FormData): Promise<ActionResult> {
  const input = selectionFormSchema.safeParse(Object.fromEntries(form));
  if (!input.success) return { ok: false, error: NOT_FOUND };
  const member = await memberForAction(input.data.workspaceId);
  if (!member) return { ok: false, error: SIGNED_OUT };
  let body: unknown;
  try {
    body = JSON.parse(input.data.selection);
  } catch {
    return { ok: false, error: "The selection could not be read. Reload the page and try again." };
  }
  const selection = streamSelectionSchema.safeParse(body);
  if (!selection.success) return { ok: false, error: "The selection could not be read. Reload the page and try again." };
  const result = await updateStreamMetadata(db, member.workspaceId, input.data.sourceId, selection.data);
  revalidatePath("/", "layout");
  return result.ok ? { ok: true, data: undefined } : { ok: false, error: result.message };
}

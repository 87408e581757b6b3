"use server";
// Server actions of Settings → Destination: save the account's PostgreSQL destination, check its connection.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { ActionResult } from "@/lib/action-result";
import { memberForAction } from "@/lib/auth/session";
import { checkDestination } from "@/lib/connect/destination-check";
import { createDestination, updateDestination } from "@/lib/connect/destinations";
import { connectServices } from "@/lib/connect/services";
import { changeByMember } from "@/app/(app)/_lib/change-by";

const SIGNED_OUT = "Your session has ended or you are no longer a member of this account. Sign in again.";

const saveSchema = z.object({
  workspaceId: z.coerce.number().int().positive(),
  destinationId: z.union([z.literal(""), z.coerce.number().int().positive()]),
  host: z.string().max(255),
  port: z.string().max(5),
  username: z.string().max(100),
  database: z.string().max(100),
  password: z.string().max(4096),
  ssl: z.enum(["true", "false"]),
});

// Add or change the destination (an empty password keeps the stored one), as POST/PUT /v4/destinations do.
export async function saveDestinationAction(form: FormData): Promise<ActionResult<{ id: number }>> {
  const input = saveSchema.safeParse({ ssl: "false", ...Object.fromEntries(form) });
  if (!input.success) return { ok: false, error: "Check the connection details." };
  const member = await memberForAction(input.data.workspaceId);
  if (!member) return { ok: false, error: SIGNED_OUT };
  const { workspaceId: _w, destinationId, password, ...rest } = input.data;
  const properties = { ...rest, ...(password ? { password } : {}) };
  const result = destinationId === ""
    ? await createDestination(connectServices(), member.workspaceId, { type: "postgres", properties }, await changeByMember(member))
    : await updateDestination(connectServices(), member.workspaceId, destinationId, { properties }, await changeByMember(member));
  revalidatePath("/", "layout");
  if (!result.ok) return { ok: false, error: Object.entries(result.fields ?? {}).map(([k, v]) => `${k.replace(/^properties\./, "")}: ${v}`).join(" ") || result.message };
  return { ok: true, data: { id: result.value.id } };
}

// Connect to the destination now and report the result.
export async function checkDestinationAction(form: FormData): Promise<ActionResult<{ status: string; error: string | null }>> {
  const input = z.object({ workspaceId: z.coerce.number().int().positive(), destinationId: z.coerce.number().int().positive() }).safeParse(Object.fromEntries(form));
  if (!input.success) return { ok: false, error: "Save the destination first." };
  const member = await memberForAction(input.data.workspaceId);
  if (!member) return { ok: false, error: SIGNED_OUT };
  const result = await checkDestination(connectServices(), member.workspaceId, input.data.destinationId);
  if (!result.ok) return { ok: false, error: result.message };
  return { ok: true, data: { status: result.value.status, error: result.value.error } };
}

"use server";
// Server actions of the Team tab: invite, change a role, remove a member (owners only, checked in lib/team).
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { z } from "zod";
import type { ActionResult } from "@/lib/action-result";
import { memberForAction } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { sendInvitationEmail } from "@/lib/mail";
import { requestMetaFrom } from "@/lib/request-meta";
import { publicLink } from "@/lib/security/public-url";
import { createInvitation } from "@/lib/team/invitations";
import { changeRole, removeMember } from "@/lib/team/members";
import { revokeInvitation } from "@/lib/team/pending-invitations";
import type { TeamResult } from "@/lib/team/roles";
import { changeRoleSchema, invitationTargetSchema, inviteSchema, memberTargetSchema } from "@/lib/validation/team";

const SIGNED_OUT = "Your session has ended or you are no longer a member of this account. Sign in again.";

function invalid(error: z.ZodError): ActionResult<never> {
  return { ok: false, error: "Check the highlighted field.", fieldErrors: z.flattenError(error).fieldErrors as Record<string, string[]> };
}

function toAction<T>(result: TeamResult<T>): ActionResult<T> {
  revalidatePath("/", "layout");
  return result.ok ? result : { ok: false, error: result.message };
}

// Invite someone by email; the link is returned to the inviter (and e-mailed when SMTP is set).
export async function inviteMemberAction(form: FormData): Promise<ActionResult<{ link: string; emailed: boolean }>> {
  const input = inviteSchema.safeParse(Object.fromEntries(form));
  if (!input.success) return invalid(input.error);
  const member = await memberForAction(input.data.workspaceId);
  if (!member) return { ok: false, error: SIGNED_OUT };
  const h = await headers();
  const result = await createInvitation(db, member, input.data.email, input.data.role, requestMetaFrom(h));
  if (!result.ok) return toAction(result);
  // Never from the Host header: a forged one would put the attacker's site in the e-mail.
  const { href: link, absolute } = publicLink(`/invite/${result.data.token}`);
  const emailed = absolute ? await sendInvitationEmail(result.data.email, link, member.workspaceName, member.email).catch(() => false) : false;
  return toAction({ ok: true, data: { link, emailed } });
}

// Make a member an owner or a member.
export async function changeRoleAction(form: FormData): Promise<ActionResult<{ role: string }>> {
  const input = changeRoleSchema.safeParse(Object.fromEntries(form));
  if (!input.success) return invalid(input.error);
  const member = await memberForAction(input.data.workspaceId);
  if (!member) return { ok: false, error: SIGNED_OUT };
  return toAction(await changeRole(db, member, input.data.userId, input.data.role, requestMetaFrom(await headers())));
}

// Remove a member: they lose the account at their next request and their keys stop working.
export async function removeMemberAction(form: FormData): Promise<ActionResult<{ disabledKeys: number }>> {
  const input = memberTargetSchema.safeParse(Object.fromEntries(form));
  if (!input.success) return invalid(input.error);
  const member = await memberForAction(input.data.workspaceId);
  if (!member) return { ok: false, error: SIGNED_OUT };
  return toAction(await removeMember(db, member, input.data.userId, requestMetaFrom(await headers())));
}

// Revoke a pending invitation: its link stops working at once.
export async function revokeInvitationAction(form: FormData): Promise<ActionResult<{ email: string }>> {
  const input = invitationTargetSchema.safeParse(Object.fromEntries(form));
  if (!input.success) return invalid(input.error);
  const member = await memberForAction(input.data.workspaceId);
  if (!member) return { ok: false, error: SIGNED_OUT };
  return toAction(await revokeInvitation(db, member, input.data.invitationId, requestMetaFrom(await headers())));
}

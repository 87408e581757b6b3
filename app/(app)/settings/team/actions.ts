"use server";
// Server actions of the Team tab (owners only); each runs through the one action pipeline (app/_lib/run-action.ts).
import { headers } from "next/headers";
import { runAction } from "@/app/_lib/run-action";
import type { ActionResult } from "@/lib/action-result";
import { db } from "@/lib/db/client";
import { sendInvitationEmail } from "@/lib/mail";
import { createInvitation } from "@/lib/team/invitations";
import { changeRole, removeMember } from "@/lib/team/members";
import { changeRoleSchema, inviteSchema, memberTargetSchema } from "@/lib/validation/team";

const PAGE = "/settings/team";

// Invite someone by email; the link is returned to the inviter (and e-mailed when SMTP is set).
export async function inviteMemberAction(form: FormData): Promise<ActionResult<{ link: string; emailed: boolean }>> {
  return runAction(form, {
    schema: inviteSchema,
    role: "owner",
    revalidate: PAGE,
    run: (input, member, meta) => createInvitation(db, member, input.email, input.role, meta),
    data: async ({ token, email }, _input, member) => {
      const origin = process.env.NEXTAUTH_URL ?? `http://${(await headers()).get("host")}`;
      const link = `${origin.replace(/\/$/, "")}/invite/${token}`;
      const emailed = await sendInvitationEmail(email, link, member.accountName, member.email).catch(() => false);
      return { link, emailed };
    },
  });
}

// Make a member an owner or a member.
export async function changeRoleAction(form: FormData): Promise<ActionResult<{ role: string }>> {
  return runAction(form, {
    schema: changeRoleSchema,
    role: "owner",
    revalidate: PAGE,
    run: (input, member, meta) => changeRole(db, member, input.userId, input.role, meta),
  });
}

// Remove a member: they lose the account at their next request and their keys stop working.
export async function removeMemberAction(form: FormData): Promise<ActionResult<{ disabledKeys: number }>> {
  return runAction(form, {
    schema: memberTargetSchema,
    role: "owner",
    revalidate: PAGE,
    run: (input, member, meta) => removeMember(db, member, input.userId, meta),
  });
}

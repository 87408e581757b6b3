"use server";
// Server actions of the Team tab: invite, change a role, remove a member (owners only, checked in lib/team).
import { serverAction } from "@/app/_lib/action";
import { db } from "@/lib/db";
import { sendInvitationEmail } from "@/lib/mail";
import { ok } from "@/lib/result";
import { publicLink } from "@/lib/security/public-url";
import { createInvitation } from "@/lib/team/invitations";
import { changeRole, removeMember } from "@/lib/team/members";
import { revokeInvitation } from "@/lib/team/pending-invitations";
import { changeRoleSchema, invitationTargetSchema, inviteSchema, memberTargetSchema } from "@/lib/validation/team";

// Invite someone by email; the link is returned to the inviter (and e-mailed when SMTP is set).
export const inviteMemberAction = serverAction({
  schema: inviteSchema,
  caller: "member",
  run: async ({ email, role }, { caller, meta }) => {
    const created = await createInvitation(db, caller, email, role, meta);
    if (!created.ok) return created;
    // Never from the Host header: a forged one would put the attacker's site in the e-mail.
    const { href: link, absolute } = publicLink(`/invite/${created.value.token}`);
    const emailed = absolute ? await sendInvitationEmail(created.value.email, link, caller.workspaceName, caller.email).catch(() => false) : false;
    return ok({ link, emailed });
  },
  reply: (value) => value,
});

// Make a member an owner or a member.
export const changeRoleAction = serverAction({
  schema: changeRoleSchema,
  caller: "member",
  run: ({ userId, role }, { caller, meta }) => changeRole(db, caller, userId, role, meta),
  reply: (value) => value,
});

// Remove a member: they lose the account at their next request and their keys stop working.
export const removeMemberAction = serverAction({
  schema: memberTargetSchema,
  caller: "member",
  run: ({ userId }, { caller, meta }) => removeMember(db, caller, userId, meta),
  reply: (value) => value,
});

// Revoke a pending invitation: its link stops working at once.
export const revokeInvitationAction = serverAction({
  schema: invitationTargetSchema,
  caller: "member",
  run: ({ invitationId }, { caller, meta }) => revokeInvitation(db, caller, invitationId, meta),
  reply: (value) => value,
});

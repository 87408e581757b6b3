"use server";
// Server actions of the Team tab: invite, change a role, remove a member, revoke an invitation (owners only, checked in lib/team).
import { memberAction } from "@/app/_lib/action";
import { db } from "@/lib/db/client";
import { sendInvitationEmail } from "@/lib/mail";
import { ok } from "@/lib/result";
import { publicLink } from "@/lib/security/public-url";
import { createInvitation } from "@/lib/team/invitations";
import { changeRole, removeMember } from "@/lib/team/members";
import { revokeInvitation } from "@/lib/team/pending-invitations";
import { changeRoleSchema, invitationTargetSchema, inviteSchema, memberTargetSchema } from "@/lib/validation/team";

// Invite someone by email; the link is returned to the inviter (and e-mailed when SMTP is set).
export const inviteMemberAction = memberAction({
  schema: inviteSchema,
  run: async ({ input, member, meta }) => {
    const result = await createInvitation(db, member, input.email, input.role, meta);
    if (!result.ok) return result;
    // Never from the Host header: a forged one would put the attacker's site in the e-mail.
    const { href: link, absolute } = publicLink(`/invite/${result.value.token}`);
    const emailed = absolute ? await sendInvitationEmail(result.value.email, link, member.accountName, member.email).catch(() => false) : false;
    return ok({ link, emailed });
  },
  data: (value) => value,
});

// Make a member an owner or a member.
export const changeRoleAction = memberAction({
  schema: changeRoleSchema,
  run: ({ input, member, meta }) => changeRole(db, member, input.userId, input.role, meta),
  data: (value) => value,
});

// Remove a member: they lose the account at their next request and their keys stop working.
export const removeMemberAction = memberAction({
  schema: memberTargetSchema,
  run: ({ input, member, meta }) => removeMember(db, member, input.userId, meta),
  data: (value) => value,
});

// Revoke a pending invitation: its link stops working at once.
export const revokeInvitationAction = memberAction({
  schema: invitationTargetSchema,
  run: ({ input, member, meta }) => revokeInvitation(db, member, input.invitationId, meta),
  data: (value) => value,
});

// Pending invitations: listed for owners on the Team tab, revocable, and gone with their inviter's
// ownership (an inviter removed, or no longer an owner, leaves no link that still works).
import { recordEvent, type RequestMeta } from "../audit/events";
import type { Db } from "../db-client";
import { fail, inTransaction, refuse, type Result } from "../result";
import { canManageTeam, teamFail, type TeamError } from "./roles";
import type { TeamActor } from "./members";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export type PendingInvitation = { id: number; email: string; role: string; invitedBy: string; createdAt: Date; expiresAt: Date };

const pending = (now: Date) => ({ acceptedAt: null, expiresAt: { gt: now } });

// The account's unused, unexpired invitations, newest first, with who sent each.
export async function listPendingInvitations(db: Db, workspaceId: number, now = new Date()): Promise<PendingInvitation[]> {
  const rows = await db.invitation.findMany({ where: { workspaceId, ...pending(now) }, orderBy: { id: "desc" } });
  const inviters = await db.user.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.invitedById))] } }, select: { id: true, email: true } });
  const emailOf = new Map(inviters.map((u) => [u.id, u.email]));
  return rows.map((r) => ({ id: r.id, email: r.email, role: r.role, invitedBy: emailOf.get(r.invitedById) ?? "a former member", createdAt: r.createdAt, expiresAt: r.expiresAt }));
}

// Revoke a pending invitation (owners only): its link stops working at once.
export async function revokeInvitation(db: Db, actor: TeamActor, invitationId: number, meta: RequestMeta = {}): Promise<Result<{ email: string }, TeamError>> {
  if (!canManageTeam(actor.role)) return teamFail("forbidden");
  return inTransaction(db, async (tx) => {
    const inv = await tx.invitation.findFirst({ where: { id: invitationId, workspaceId: actor.workspaceId, acceptedAt: null } });
    if (!inv) refuse(fail("not_found", "That invitation was not found: it may have been used or revoked already."));
    await tx.invitation.delete({ where: { id: inv.id } });
    await recordEvent(tx, {
      workspaceId: actor.workspaceId,
      action: "invitation.revoked",
      actor: { type: "member", userId: actor.userId, email: actor.email },
      target: { type: "invitation", label: `${inv.email} as ${inv.role}` },
      meta,
    });
    return { email: inv.email };
  });
}

// Inside a removal or demotion: the person's pending invitations of the account are withdrawn (and recorded).
export async function withdrawInvitationsOf(tx: Tx, workspaceId: number, inviterId: string, reason: string, meta: RequestMeta = {}): Promise<number> {
  const invitations = await tx.invitation.findMany({ where: { workspaceId, invitedById: inviterId, acceptedAt: null } });
  if (!invitations.length) return 0;
  await tx.invitation.deleteMany({ where: { id: { in: invitations.map((i) => i.id) } } });
  for (const inv of invitations) {
    await recordEvent(tx, {
      workspaceId,
      action: "invitation.expired_with_inviter",
      actor: { type: "system", label: reason },
      target: { type: "invitation", label: `${inv.email} as ${inv.role}` },
      meta,
    });
  }
  return invitations.length;
}

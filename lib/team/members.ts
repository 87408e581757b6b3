// The team of an account: list members, change roles, remove members (their keys stop at once).
import "server-only";
import { keyLabel, recordEvent, type RequestMeta } from "../audit/events";
import type { Db, Tx } from "../db/factory";
import { withdrawInvitationsOf } from "./pending-invitations";
import { inTransaction, refuse, type Result } from "../result";
import { canManageTeam, teamFailure, type Role, type TeamError } from "./roles";

// The owner acting on the team (re-read from the database by the caller).
export type TeamActor = { userId: string; accountId: number; email: string; role: string };

export type MemberView = { userId: string; name: string | null; email: string; role: string; joinedAt: Date };

export async function listTeam(db: Db, accountId: number): Promise<MemberView[]> {
  const rows = await db.membership.findMany({
    where: { accountId },
    include: { user: { select: { name: true, email: true } } },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((m) => ({ userId: m.userId, name: m.user.name, email: m.user.email, role: m.role, joinedAt: m.createdAt }));
}

// Team changes of one account run one at a time: each locks the account row first (on PostgreSQL two
// demotions could otherwise each count the other as the remaining owner), then re-reads the actor's role.
async function lockTeam(tx: Tx, actor: TeamActor) {
  await tx.account.update({ where: { id: actor.accountId }, data: { apiKeyCount: { increment: 0 } }, select: { id: true } });
  const me = await tx.membership.findUnique({ where: { accountId_userId: { accountId: actor.accountId, userId: actor.userId } }, select: { role: true } });
  if (!me || !canManageTeam(me.role)) refuse(teamFailure("forbidden"));
}

// Owners left after a change, counted inside the transaction that made it.
async function assertOwnerRemains(tx: Tx, accountId: number) {
  if ((await tx.membership.count({ where: { accountId, role: "owner" } })) === 0) refuse(teamFailure("last_owner"));
}

// Change a member's role (owners only); the last owner cannot be demoted.
export async function changeRole(db: Db, actor: TeamActor, userId: string, role: Role, meta: RequestMeta = {}): Promise<Result<{ role: Role }, TeamError>> {
  if (!canManageTeam(actor.role)) return teamFailure("forbidden");
  return inTransaction(db, async (tx) => {
    await lockTeam(tx, actor);
    const changed = await tx.membership.updateMany({ where: { accountId: actor.accountId, userId }, data: { role } });
    if (changed.count === 0) refuse(teamFailure("not_found"));
    await assertOwnerRemains(tx, actor.accountId);
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
    await recordEvent(tx, {
      accountId: actor.accountId,
      action: "member.role_changed",
      actor: { type: "member", userId: actor.userId, email: actor.email },
      target: { type: "member", label: `${user.email} → ${role}` },
      meta,
    });
    if (!canManageTeam(role)) await withdrawInvitationsOf(tx, actor.accountId, userId, `inviter ${user.email} is no longer an owner`, meta);
    return { role };
  });
}

// Remove a member (owners only; not the last owner). Every key they created is disabled at once.
export async function removeMember(db: Db, actor: TeamActor, userId: string, meta: RequestMeta = {}): Promise<Result<{ disabledKeys: number }, TeamError>> {
  if (!canManageTeam(actor.role)) return teamFailure("forbidden");
  return inTransaction(db, async (tx) => {
    await lockTeam(tx, actor);
    const removed = await tx.membership.deleteMany({ where: { accountId: actor.accountId, userId } });
    if (removed.count === 0) refuse(teamFailure("not_found"));
    await assertOwnerRemains(tx, actor.accountId);
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
    const by = { type: "member" as const, userId: actor.userId, email: actor.email };
    await recordEvent(tx, { accountId: actor.accountId, action: "member.removed", actor: by, target: { type: "member", label: user.email }, meta });
    await withdrawInvitationsOf(tx, actor.accountId, userId, `inviter ${user.email} removed`, meta);
    const keys = await tx.apiKey.findMany({ where: { accountId: actor.accountId, createdById: userId }, select: { id: true, last4: true, description: true } });
    await tx.apiKey.updateMany({ where: { accountId: actor.accountId, createdById: userId }, data: { status: "disabled", disabledReason: "creator_removed" } });
    for (const key of keys) {
      await recordEvent(tx, {
        accountId: actor.accountId,
        action: "key.auto_disabled",
        actor: { type: "system", label: `creator ${user.email} removed` },
        target: { type: "key", label: keyLabel(key) },
        meta,
      });
    }
    return { disabledKeys: keys.length };
  });
}

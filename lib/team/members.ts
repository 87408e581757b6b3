// The team of an account: list members, change roles, remove members (their keys stop at once).
import { keyLabel, recordEvent, type RequestMeta } from "../audit/events";
import type { Db } from "../db-client";
import { inTransaction, refuse, type Result } from "../result";
import { withdrawInvitationsOf } from "./pending-invitations";
import { canManageTeam, teamFail, type Role, type TeamError } from "./roles";

// The owner acting on the team (re-read from the database by the caller).
export type TeamActor = { userId: string; workspaceId: number; email: string; role: string };

export type MemberView = { userId: string; name: string | null; email: string; role: string; joinedAt: Date };

export async function listTeam(db: Db, workspaceId: number): Promise<MemberView[]> {
  const rows = await db.membership.findMany({
    where: { workspaceId },
    include: { user: { select: { name: true, email: true } } },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((m) => ({ userId: m.userId, name: m.user.name, email: m.user.email, role: m.role, joinedAt: m.createdAt }));
}

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

// Team changes of one account run one at a time: each locks the account row first (on PostgreSQL two
// demotions could otherwise each count the other as the remaining owner), then re-reads the actor's role.
async function lockTeam(tx: Tx, actor: TeamActor) {
  await tx.workspace.update({ where: { id: actor.workspaceId }, data: { apiKeyCount: { increment: 0 } }, select: { id: true } });
  const me = await tx.membership.findUnique({ where: { workspaceId_userId: { workspaceId: actor.workspaceId, userId: actor.userId } }, select: { role: true } });
  if (!me || !canManageTeam(me.role)) refuse(teamFail("forbidden"));
}

// Owners left after a change, counted inside the transaction that made it.
async function assertOwnerRemains(tx: Tx, workspaceId: number) {
  if ((await tx.membership.count({ where: { workspaceId, role: "owner" } })) === 0) refuse(teamFail("last_owner"));
}

// Change a member's role (owners only); the last owner cannot be demoted.
export async function changeRole(db: Db, actor: TeamActor, userId: string, role: Role, meta: RequestMeta = {}): Promise<Result<{ role: Role }, TeamError>> {
  if (!canManageTeam(actor.role)) return teamFail("forbidden");
  return inTransaction(db, async (tx) => {
    await lockTeam(tx, actor);
    const changed = await tx.membership.updateMany({ where: { workspaceId: actor.workspaceId, userId }, data: { role } });
    if (changed.count === 0) refuse(teamFail("not_found"));
    await assertOwnerRemains(tx, actor.workspaceId);
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
    await recordEvent(tx, {
      workspaceId: actor.workspaceId,
      action: "member.role_changed",
      actor: { type: "member", userId: actor.userId, email: actor.email },
      target: { type: "member", label: `${user.email} → ${role}` },
      meta,
    });
    if (!canManageTeam(role)) await withdrawInvitationsOf(tx, actor.workspaceId, userId, `inviter ${user.email} is no longer an owner`, meta);
    return { role };
  });
}

// Remove a member (owners only; not the last owner). Every key they created is disabled at once.
export async function removeMember(db: Db, actor: TeamActor, userId: string, meta: RequestMeta = {}): Promise<Result<{ disabledKeys: number }, TeamError>> {
  if (!canManageTeam(actor.role)) return teamFail("forbidden");
  return inTransaction(db, async (tx) => {
    await lockTeam(tx, actor);
    const removed = await tx.membership.deleteMany({ where: { workspaceId: actor.workspaceId, userId } });
    if (removed.count === 0) refuse(teamFail("not_found"));
    await assertOwnerRemains(tx, actor.workspaceId);
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
    const by = { type: "member" as const, userId: actor.userId, email: actor.email };
    await recordEvent(tx, { workspaceId: actor.workspaceId, action: "member.removed", actor: by, target: { type: "member", label: user.email }, meta });
    await withdrawInvitationsOf(tx, actor.workspaceId, userId, `inviter ${user.email} removed`, meta);
    const keys = await tx.apiKey.findMany({ where: { workspaceId: actor.workspaceId, createdById: userId }, select: { id: true, last4: true, description: true } });
    await tx.apiKey.updateMany({ where: { workspaceId: actor.workspaceId, createdById: userId }, data: { status: "disabled", disabledReason: "creator_removed" } });
    for (const key of keys) {
      await recordEvent(tx, {
        workspaceId: actor.workspaceId,
        action: "key.auto_disabled",
        actor: { type: "system", label: `creator ${user.email} removed` },
        target: { type: "key", label: keyLabel(key) },
        meta,
      });
    }
    return { disabledKeys: keys.length };
  });
}

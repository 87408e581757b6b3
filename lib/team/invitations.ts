// Invitations: single-use links that expire after 7 days; only a hash of the token is stored.
import { createHash, randomBytes } from "node:crypto";
import { recordEvent, type RequestMeta } from "../audit/events";
import { normalizeEmail } from "../auth/credentials";
import { hashPassword } from "../auth/password";
import type { Db } from "../db-client";
import { inTransaction, ok, refuse, type Result } from "../result";
import { canManageTeam, teamFail, type Role, type TeamError } from "./roles";
import type { TeamActor } from "./members";

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

function tokenHash(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}

// Create an invitation (owners only) and return its token, shown once to the inviter.
export async function createInvitation(
  db: Db,
  actor: TeamActor,
  email: string,
  role: Role,
  meta: RequestMeta = {},
  now = new Date(),
): Promise<Result<{ token: string; email: string; expiresAt: Date }, TeamError>> {
  if (!canManageTeam(actor.role)) return teamFail("forbidden");
  const address = normalizeEmail(email);
  const existing = await db.membership.findFirst({ where: { workspaceId: actor.workspaceId, user: { email: address } } });
  if (existing) return teamFail("already_member");
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS);
  await db.$transaction(async (tx) => {
    await tx.invitation.create({
      data: { workspaceId: actor.workspaceId, email: address, role, tokenHash: tokenHash(token), invitedById: actor.userId, expiresAt, createdAt: now },
    });
    await recordEvent(tx, {
      workspaceId: actor.workspaceId,
      action: "member.invited",
      actor: { type: "member", userId: actor.userId, email: actor.email },
      target: { type: "member", label: `${address} as ${role}` },
      meta,
    });
  });
  return ok({ token, email: address, expiresAt });
}

export type InvitationView = { email: string; role: string; workspaceName: string; userExists: boolean };

// A usable (unexpired, unused) invitation for a token, or null.
export async function findInvitation(db: Db, token: string, now = new Date()): Promise<InvitationView | null> {
  if (!token || token.length > 200) return null;
  const inv = await db.invitation.findUnique({ where: { tokenHash: tokenHash(token) }, include: { workspace: { select: { name: true } } } });
  if (!inv || inv.acceptedAt || inv.expiresAt <= now) return null;
  const user = await db.user.findUnique({ where: { email: inv.email }, select: { id: true } });
  return { email: inv.email, role: inv.role, workspaceName: inv.workspace.name, userExists: Boolean(user) };
}

export type Joiner = { userId: string } | { name: string; password: string };

// Accept an invitation as an existing user (whose email must match) or as a new user with a password.
// Marking it used is a guarded update, so one link makes one membership even when clicked twice at once.
export async function acceptInvitation(
  db: Db,
  token: string,
  joiner: Joiner,
  meta: RequestMeta = {},
  now = new Date(),
): Promise<Result<{ workspaceId: number; email: string }, TeamError>> {
  const passwordHash = "password" in joiner ? await hashPassword(joiner.password) : null;
  const invalid = teamFail("invalid_invitation");
  // A new user whose email was taken in the meantime, or any lost race, reads as an invalid link.
  return inTransaction(
    db,
    async (tx) => {
      const claimed = await tx.invitation.updateMany({
        where: { tokenHash: tokenHash(token), acceptedAt: null, expiresAt: { gt: now } },
        data: { acceptedAt: now },
      });
      if (claimed.count !== 1) refuse(invalid);
      const inv = await tx.invitation.findUniqueOrThrow({ where: { tokenHash: tokenHash(token) } });
      // An invitation is only as good as its inviter's ownership (withdrawn with it; checked again here).
      const inviter = await tx.membership.findUnique({ where: { workspaceId_userId: { workspaceId: inv.workspaceId, userId: inv.invitedById } }, select: { role: true } });
      if (!inviter || !canManageTeam(inviter.role)) refuse(invalid);
      const user =
        "userId" in joiner
          ? await tx.user.findUnique({ where: { id: joiner.userId } })
          : await tx.user.create({ data: { email: inv.email, name: joiner.name || null, passwordHash } });
      if (!user || user.email !== inv.email) refuse(invalid);
      const already = await tx.membership.findUnique({ where: { workspaceId_userId: { workspaceId: inv.workspaceId, userId: user.id } } });
      if (already) refuse(teamFail("already_member"));
      await tx.membership.create({ data: { workspaceId: inv.workspaceId, userId: user.id, role: inv.role } });
      await recordEvent(tx, {
        workspaceId: inv.workspaceId,
        action: "member.joined",
        actor: { type: "member", userId: user.id, email: user.email },
        target: { type: "member", label: `${user.email} as ${inv.role}` },
        meta,
      });
      return { workspaceId: inv.workspaceId, email: user.email };
    },
    { onUniqueViolation: invalid },
  );
}

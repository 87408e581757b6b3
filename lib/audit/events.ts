// The audit trail: events are written with the change they record (same transaction) and read per account.
import "server-only";
import type { Db } from "../db/factory";

export type AuditAction =
  | "key.created"
  | "key.disabled"
  | "key.enabled"
  | "key.deleted"
  | "key.auto_disabled"
  | "key.rolled"
  | "key.updated"
  | "key.address_refused"
  | "member.invited"
  | "member.joined"
  | "member.removed"
  | "member.role_changed"
  | "signin.failed"
  | "notification.email_created"
  | "notification.email_disabled"
  | "notification.email_enabled"
  | "notification.email_deleted"
  | "notification.hook_created"
  | "notification.hook_disabled"
  | "notification.hook_enabled"
  | "notification.hook_deleted"
  | "job.started"
  | "job.stopped"
  | "invitation.revoked"
  | "invitation.expired_with_inviter"
  | "source.created"
  | "source.updated"
  | "source.paused"
  | "source.resumed"
  | "source.deleted"
  | "source.checked"
  | "destination.created"
  | "destination.updated"
  | "destination.deleted"
  | "job.failed_notice"
  | "key.leaked";

// Where a change came from: the client's address and browser, when known.
export type RequestMeta = { ip?: string | null; userAgent?: string | null };

// Who acted: a member (by session), an API key (acting for its creator), or the system.
export type AuditActor =
  | { type: "member"; userId: string; email: string }
  | { type: "key"; keyId: number; last4: string; userId: string }
  | { type: "system"; label: string };

export type AuditEventInput = {
  accountId: number;
  action: AuditAction;
  actor: AuditActor;
  target?: { type: AuditTargetType; label: string };
  meta?: RequestMeta;
};

export type AuditTargetType = "key" | "member" | "invitation" | "source" | "destination" | "notification";

// A transaction client or the client itself: both have the model delegates.
type Writer = Pick<Db, "auditEvent">;

export function keyLabel(key: { last4: string; description: string }): string {
  return `key ending ${key.last4} (“${key.description}”)`;
}

function actorColumns(actor: AuditActor) {
  switch (actor.type) {
    case "member":
      return { actorType: "member", actorUserId: actor.userId, actorKeyId: null, actorLabel: actor.email };
    case "key":
      return { actorType: "key", actorUserId: actor.userId, actorKeyId: actor.keyId, actorLabel: `API key ending ${actor.last4}` };
    case "system":
      return { actorType: "system", actorUserId: null, actorKeyId: null, actorLabel: actor.label };
  }
}

// Write one event; call it inside the transaction of the change it records.
export async function recordEvent(tx: Writer, event: AuditEventInput): Promise<void> {
  await tx.auditEvent.create({
    data: {
      accountId: event.accountId,
      action: event.action,
      ...actorColumns(event.actor),
      targetType: event.target?.type ?? null,
      targetLabel: event.target?.label.slice(0, 300) ?? null,
      ip: event.meta?.ip?.slice(0, 100) ?? null,
      userAgent: event.meta?.userAgent?.slice(0, 300) ?? null,
    },
  });
}

export type AuditEventView = {
  id: number;
  createdAt: Date;
  action: string;
  actorType: string;
  actorLabel: string;
  targetType: string | null;
  targetLabel: string | null;
  ip: string | null;
  userAgent: string | null;
  // How many times it happened (failed sign-ins are aggregated per window); 1 for every other event.
  count: number;
};

export const EVENTS_PER_PAGE = 50;

// One page of an account's events, newest first, and whether more follow.
export async function listEvents(db: Db, accountId: number, page = 1, perPage = EVENTS_PER_PAGE) {
  const rows = await db.auditEvent.findMany({
    where: { accountId },
    orderBy: { id: "desc" },
    skip: (Math.max(1, page) - 1) * perPage,
    take: perPage + 1,
    select: { id: true, createdAt: true, action: true, actorType: true, actorLabel: true, targetType: true, targetLabel: true, ip: true, userAgent: true, count: true },
  });
  return { events: rows.slice(0, perPage) as AuditEventView[], hasMore: rows.length > perPage };
}

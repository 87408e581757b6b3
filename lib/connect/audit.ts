// Audit of source and destination changes: who (the member, or the API key acting for its creator), what,
// and which properties changed (names only: never a value, secret or not).
import "server-only";
import type { VerifiedKey } from "../api-keys/verify";
import { recordEvent, type AuditAction, type AuditActor, type RequestMeta } from "../audit/events";
import type { Db } from "../db/factory";

// Who made a change and from where.
export type ChangeBy = { actor: AuditActor; meta?: RequestMeta };

type Writer = Pick<Db, "auditEvent">;

// The actor for an API request: the key, acting for its creator.
export async function keyActor(db: Db, key: VerifiedKey): Promise<AuditActor> {
  const row = await db.apiKey.findUnique({ where: { id: key.keyId }, select: { last4: true } });
  return { type: "key", keyId: key.keyId, last4: row?.last4 ?? "????", userId: key.userId };
}

// The actor for a member acting in the console.
export function memberActor(member: { userId: string; email: string }): AuditActor {
  return { type: "member", userId: member.userId, email: member.email };
}

// The label of a changed integration: its name and id, plus the names of the properties that changed.
export function changeLabel(what: { id: number; name?: string | null }, changed: string[] = []): string {
  const base = `${what.name ?? "unnamed"} (id ${what.id})`;
  return changed.length ? `${base}: ${[...new Set(changed)].sort().join(", ")} changed` : base;
}

// Record a change of a source or destination (inside the change's transaction when it has one).
export async function recordConnectEvent(
  tx: Writer,
  accountId: number,
  by: ChangeBy,
  action: AuditAction,
  target: { type: "source" | "destination"; label: string },
): Promise<void> {
  await recordEvent(tx, { accountId, action, actor: by.actor, target, meta: by.meta });
}

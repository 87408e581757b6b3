// The audit actor of a notifications API call: the API key, acting for its creator.
import "server-only";
import type { AuditActor } from "../audit/events";
import type { Db } from "../db/factory";

export type KeyCaller = { keyId: number; accountId: number; userId: string };

// The key as the audit trail names it (its last four characters, never more).
export async function keyActor(db: Pick<Db, "apiKey">, key: KeyCaller): Promise<AuditActor> {
  const row = await db.apiKey.findUniqueOrThrow({ where: { id: key.keyId }, select: { last4: true } });
  return { type: "key", keyId: key.keyId, last4: row.last4, userId: key.userId };
}

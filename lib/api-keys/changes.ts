// Changes to an existing key beyond enable/disable/delete: roll (with an overlap), edit, and what a key may
// learn about itself. Allow-list refusals are recorded here too.
import "server-only";
import { keyLabel, recordEvent, type RequestMeta } from "../audit/events";
import type { Db } from "../db/factory";
import { hasApiAccess } from "../accounts/plans";
import { inTransaction, refuse, type Result } from "../result";
import { hashApiKey } from "./hash";
import {
  BURST_TX,
  byMember,
  keyFailure,
  isExpired,
  refuseFullAccount,
  takeKeySlot,
  toView,
  viewSelect,
  type ApiKeyView,
  type KeyActor,
  type KeyError,
} from "./service";
import { generateApiKey, lastFourOf } from "./token";
import type { KeyAccess } from "./verify";

const HOUR = 60 * 60 * 1000;

// How long a rolled key keeps working beside its successor.
export const ROLL_OVERLAPS = { now: 0, "1h": HOUR, "24h": 24 * HOUR, "7d": 7 * 24 * HOUR } as const;
export type RollOverlap = keyof typeof ROLL_OVERLAPS;

export function accessLabel(access: KeyAccess): string {
  return access === "read" ? "Read-only" : "Full access";
}

export function expiryLabel(expiresAt: Date | null): string {
  return expiresAt ? `${expiresAt.toISOString().slice(0, 16).replace("T", " ")} UTC` : "never";
}

function allowListLabel(cidrs: string[]): string {
  return cidrs.length ? cidrs.join(", ") : "any address";
}

// Roll a key: a new key with the same description, access and allow-list (and, if the old one expires, the same
// lifetime from now), while the old one keeps working for `overlap`, then expires. The new key takes a slot under
// the same guarded counter as createApiKey, so with no free slot nothing changes.
export async function rollApiKey(
  db: Db,
  actor: KeyActor,
  keyId: number,
  overlap: RollOverlap,
  pepper: string,
  meta: RequestMeta = {},
  now = new Date(),
): Promise<Result<{ key: ApiKeyView; plaintext: string; oldExpiresAt: Date }, KeyError>> {
  const account = await db.account.findUnique({ where: { id: actor.accountId }, select: { plan: true, apiKeyCount: true } });
  if (!account) return keyFailure("not_found");
  if (!hasApiAccess(account.plan)) return keyFailure("no_api_access");
  const by = await byMember(db, actor);
  const plaintext = generateApiKey();
  return inTransaction(db, async (tx) => {
    // Write first (SQLite then holds the write lock for the whole transaction); a refusal below rolls it back.
    const slot = await takeKeySlot(tx, actor.accountId);
    const old = await tx.apiKey.findFirst({
      where: { id: keyId, accountId: actor.accountId },
      select: { id: true, last4: true, description: true, status: true, createdAt: true, expiresAt: true, access: true, allowedCidrs: true },
    });
    if (!old) refuse(keyFailure("not_found"));
    if (old.status !== "enabled" || isExpired(old, now)) refuse(keyFailure("not_rollable"));
    if (!slot) await refuseFullAccount(tx, actor.accountId);
    const lifetime = old.expiresAt ? old.expiresAt.getTime() - old.createdAt.getTime() : null;
    const key = await tx.apiKey.create({
      data: {
        accountId: actor.accountId,
        createdById: actor.userId,
        description: old.description,
        hash: hashApiKey(plaintext, pepper),
        last4: lastFourOf(plaintext),
        expiresAt: lifetime === null ? null : new Date(now.getTime() + lifetime),
        access: old.access,
        allowedCidrs: old.allowedCidrs,
      },
      select: viewSelect,
    });
    const until = new Date(now.getTime() + ROLL_OVERLAPS[overlap]);
    const oldExpiresAt = old.expiresAt && old.expiresAt < until ? old.expiresAt : until;
    await tx.apiKey.update({ where: { id: old.id }, data: { expiresAt: oldExpiresAt } });
    await recordEvent(tx, {
      accountId: actor.accountId,
      action: "key.rolled",
      actor: by,
      target: { type: "key", label: `${keyLabel(old)} rolled to key ending ${key.last4}; the old key expires ${expiryLabel(oldExpiresAt)}` },
      meta,
    });
    return { key: toView(key), plaintext, oldExpiresAt };
  }, BURST_TX);
}

// What an edit may change. Expiry may only move forward in time (never → a date, or an earlier date).
export type KeyChanges = { description?: string; expiresAt?: Date; access?: KeyAccess; allowedCidrs?: string[] };

// Edit a key of the actor's account; each field that changes is one audit event naming its value before and after.
export async function updateApiKey(
  db: Db,
  actor: KeyActor,
  keyId: number,
  changes: KeyChanges,
  meta: RequestMeta = {},
  now = new Date(),
): Promise<Result<ApiKeyView, KeyError>> {
  const by = await byMember(db, actor);
  return inTransaction(db, async (tx) => {
    // Write first (SQLite then holds the write lock for the whole transaction); a refusal below rolls it back.
    const touched = await tx.apiKey.updateMany({ where: { id: keyId, accountId: actor.accountId }, data: { updatedAt: now } });
    if (touched.count === 0) refuse(keyFailure("not_found"));
    const before = toView(await tx.apiKey.findUniqueOrThrow({ where: { id: keyId }, select: viewSelect }));
    const notes: string[] = [];
    const data: { description?: string; expiresAt?: Date; access?: KeyAccess; allowedCidrs?: string; expiryNoticeAt?: null } = {};
    if (changes.description !== undefined && changes.description !== before.description) {
      data.description = changes.description;
      notes.push(`description “${before.description}” → “${changes.description}”`);
    }
    if (changes.expiresAt !== undefined && changes.expiresAt.getTime() !== before.expiresAt?.getTime()) {
      const shorter = before.expiresAt === null || changes.expiresAt < before.expiresAt;
      if (!shorter || changes.expiresAt <= now) refuse(keyFailure("expiry_not_shorter"));
      data.expiresAt = changes.expiresAt;
      data.expiryNoticeAt = null;
      notes.push(`expiry ${expiryLabel(before.expiresAt)} → ${expiryLabel(changes.expiresAt)}`);
    }
    if (changes.access !== undefined && changes.access !== before.access) {
      data.access = changes.access;
      notes.push(`access ${accessLabel(before.access)} → ${accessLabel(changes.access)}`);
    }
    if (changes.allowedCidrs !== undefined && changes.allowedCidrs.join(" ") !== before.allowedCidrs.join(" ")) {
      data.allowedCidrs = changes.allowedCidrs.join(" ");
      notes.push(`allow-list ${allowListLabel(before.allowedCidrs)} → ${allowListLabel(changes.allowedCidrs)}`);
    }
    if (!notes.length) return before;
    const after = toView(await tx.apiKey.update({ where: { id: keyId }, data, select: viewSelect }));
    for (const note of notes) {
      await recordEvent(tx, { accountId: actor.accountId, action: "key.updated", actor: by, target: { type: "key", label: `${keyLabel(before)}: ${note}` }, meta });
    }
    return after;
  });
}

// A request refused by a key's allow-list, in the account's Activity with the address it came from.
export async function recordAddressRefused(
  db: Db,
  refused: { keyId: number; accountId: number; userId: string; address: string | null },
  meta: RequestMeta = {},
): Promise<void> {
  const key = await db.apiKey.findUnique({ where: { id: refused.keyId }, select: { last4: true, description: true } });
  if (!key) return;
  await recordEvent(db, {
    accountId: refused.accountId,
    action: "key.address_refused",
    actor: { type: "key", keyId: refused.keyId, last4: key.last4, userId: refused.userId },
    target: { type: "key", label: `${keyLabel(key)}: refused a request from ${refused.address ?? "an unknown address"}, which is not in its allow-list` },
    meta: { ...meta, ip: refused.address },
  });
}

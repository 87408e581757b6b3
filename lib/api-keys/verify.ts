// Bearer key verification, the API's hot path: offline format check, one HMAC, one indexed lookup.
// No cache: a disabled or deleted key is refused from the very next request.
import "server-only";
import type { Db } from "../db/factory";
import { hasApiAccess } from "../accounts/plans";
import { addressAllowed } from "./allow-list";
import { hashApiKey } from "./hash";
import { isWellFormedApiKey } from "./token";

export const LAST_USED_RESOLUTION_MS = 60_000;

export type KeyAccess = "full" | "read";
// access: "read" allows GET and HEAD only; absent means full (as before keys had an access).
export type VerifiedKey = { keyId: number; accountId: number; userId: string; access?: KeyAccess };

// Why a key that exists was refused when the reason must be recorded (the client still gets the one 401).
export type KeyCheck =
  | { ok: true; key: VerifiedKey }
  | { ok: false; blockedAddress?: { keyId: number; accountId: number; userId: string; address: string | null } };

export type KeyRecord = {
  id: number;
  accountId: number;
  createdById: string;
  status: string;
  lastUsedAt: Date | null;
  plan: string;
  creatorIsMember: boolean;
  expiresAt: Date | null;
  access: string;
  allowedCidrs: string;
};

// Storage behind verification, so the lookup can be served by the fastest path a database offers.
export interface KeyStore {
  findByHash(hash: string): Promise<KeyRecord | null>;
  // Record use unless already recorded within the resolution (a conditional write, at most once a minute).
  touchLastUsed(id: number, now: Date): Promise<void>;
}

// When this process last sent a key's last-use write, per store: a burst of requests that all read the old
// lastUsedAt before the first write landed sends one write, not one per request.
const touchedBy = new WeakMap<KeyStore, Map<number, number>>();

function claimTouch(store: KeyStore, keyId: number, now: Date): boolean {
  let touched = touchedBy.get(store);
  if (!touched) touchedBy.set(store, (touched = new Map()));
  const last = touched.get(keyId);
  if (last !== undefined && Math.abs(now.getTime() - last) < LAST_USED_RESOLUTION_MS) return false;
  touched.set(keyId, now.getTime());
  return true;
}

// The key's identity when it may act now, else null (whatever the reason: callers must not tell them apart).
// `address` is the client's address: a key with an allow-list is refused from anywhere else (or when unknown).
export async function verifyApiKey(store: KeyStore, token: string, pepper: string, now = new Date(), address?: string | null): Promise<VerifiedKey | null> {
  const check = await checkApiKey(store, token, pepper, now, address);
  return check.ok ? check.key : null;
}

// verifyApiKey, also telling a refusal by the allow-list (to be recorded) from every other.
export async function checkApiKey(store: KeyStore, token: string, pepper: string, now = new Date(), address?: string | null): Promise<KeyCheck> {
  if (!isWellFormedApiKey(token)) return { ok: false };
  const key = await store.findByHash(hashApiKey(token, pepper));
  if (!key || key.status !== "enabled" || !hasApiAccess(key.plan) || !key.creatorIsMember) return { ok: false };
  // An expired key is refused exactly like a disabled one.
  if (key.expiresAt && key.expiresAt.getTime() <= now.getTime()) return { ok: false };
  if (key.allowedCidrs && !addressAllowed(key.allowedCidrs, address)) {
    return { ok: false, blockedAddress: { keyId: key.id, accountId: key.accountId, userId: key.createdById, address: address ?? null } };
  }
  if ((!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) && claimTouch(store, key.id, now)) {
    store.touchLastUsed(key.id, now).catch((error: Error) => console.error(`last-used update failed for key ${key.id}: ${error.message}`));
  }
  return { ok: true, key: { keyId: key.id, accountId: key.accountId, userId: key.createdById, access: key.access === "read" ? "read" : "full" } };
}

// The KeyStore on the Prisma client (works on both databases).
export function prismaKeyStore(db: Db): KeyStore {
  return {
    async findByHash(hash) {
      const row = await db.apiKey.findUnique({
        where: { hash },
        select: {
          id: true,
          accountId: true,
          createdById: true,
          status: true,
          lastUsedAt: true,
          expiresAt: true,
          access: true,
          allowedCidrs: true,
          account: { select: { plan: true } },
          createdBy: { select: { memberships: { select: { accountId: true } } } },
        },
      });
      if (!row) return null;
      const { account, createdBy, ...rest } = row;
      return { ...rest, plan: account.plan, creatorIsMember: createdBy.memberships.some((m) => m.accountId === row.accountId) };
    },
    async touchLastUsed(id, now) {
      const cutoff = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
      await db.apiKey.updateMany({
        where: { id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: cutoff } }] },
        data: { lastUsedAt: now },
      });
    },
  };
}

// The API key lifecycle: create (under the per-account limit), list, disable/re-enable, delete.
import "server-only";
import { keyLabel, recordEvent, type RequestMeta } from "../audit/events";
import type { Db, Tx } from "../db/factory";
import { hasApiAccess } from "../accounts/plans";
import { failures, inTransaction, ok, refuse, type Result } from "../result";
import { hashApiKey } from "./hash";
import { generateApiKey, lastFourOf } from "./token";
import type { KeyAccess } from "./verify";

export const MAX_KEYS_PER_ACCOUNT = 10;

// The member acting: keys are always reached through the account they were authorized for.
export type KeyActor = { userId: string; accountId: number };

// The acting member as the audit trail names them.
export async function byMember(tx: Pick<Tx, "user">, actor: KeyActor) {
  const user = await tx.user.findUnique({ where: { id: actor.userId }, select: { email: true } });
  return { type: "member" as const, userId: actor.userId, email: user?.email ?? "(deleted user)" };
}

export type ApiKeyStatus = "enabled" | "disabled";
export type ApiKeyView = {
  id: number;
  last4: string;
  description: string;
  createdAt: Date;
  createdByEmail: string;
  lastUsedAt: Date | null;
  status: ApiKeyStatus;
  disabledReason: string | null;
  // null: never expires. Expired keys keep status "enabled" and their slot; see isExpired.
  expiresAt: Date | null;
  access: KeyAccess;
  // CIDRs the key may be used from; empty: any address.
  allowedCidrs: string[];
};

// The settings a new key may be given; every one defaults to today's behaviour (never expires, full access, any address).
export type KeySettings = { expiresAt?: Date | null; access?: KeyAccess; allowedCidrs?: string[] };

export function isExpired(key: { expiresAt: Date | null }, now = new Date()): boolean {
  return key.expiresAt !== null && key.expiresAt.getTime() <= now.getTime();
}

export type KeyError = "not_found" | "limit_reached" | "no_api_access" | "creator_not_member" | "not_rollable" | "expiry_not_shorter";

export const KEY_ERROR_MESSAGES: Record<KeyError, string> = {
  not_found: "That key was not found in this account. It may have been deleted.",
  limit_reached: `This account already has ${MAX_KEYS_PER_ACCOUNT} keys (enabled and disabled together). Delete a key to generate a new one.`,
  no_api_access: "API access is an Enterprise feature. Upgrade the account's plan to use API keys.",
  creator_not_member: "This key's creator is no longer a member of the account, so it cannot be re-enabled. Delete it instead.",
  not_rollable: "Only an enabled key that has not expired can be rolled. Generate a new key instead.",
  expiry_not_shorter: "A key's expiry can only be brought forward: choose a date before the current one (and not in the past).",
};

// A refused key change, with its fixed message.
export const keyFailure = failures(KEY_ERROR_MESSAGES);

export const viewSelect = {
  id: true,
  last4: true,
  description: true,
  createdAt: true,
  lastUsedAt: true,
  status: true,
  disabledReason: true,
  expiresAt: true,
  access: true,
  allowedCidrs: true,
  createdBy: { select: { email: true } },
} as const;

type ViewRow = Omit<ApiKeyView, "createdByEmail" | "status" | "access" | "allowedCidrs"> & {
  status: string;
  access: string;
  allowedCidrs: string;
  createdBy: { email: string };
};

export function toView({ createdBy, ...row }: ViewRow): ApiKeyView {
  return {
    ...row,
    status: row.status as ApiKeyStatus,
    access: row.access === "read" ? "read" : "full",
    allowedCidrs: row.allowedCidrs ? row.allowedCidrs.split(" ") : [],
    createdByEmail: createdBy.email,
  };
}

// Every key of the account, oldest first.
export async function listApiKeys(db: Db, accountId: number): Promise<ApiKeyView[]> {
  const rows = await db.apiKey.findMany({ where: { accountId }, select: viewSelect, orderBy: { id: "asc" } });
  return rows.map(toView);
}

// Concurrent creates on one account take its row lock in turn: each waits for its turn (and for a pooled
// connection) rather than failing after Prisma's defaults of 2 s and 5 s, which a burst on two instances exceeds.
export const BURST_TX = { maxWait: 15_000, timeout: 20_000 };

// Inside a create or roll: raise the account's key counter, unless it is full or its plan has no API access.
export async function takeKeySlot(tx: Pick<Tx, "account">, accountId: number): Promise<boolean> {
  const raised = await tx.account.updateMany({
    where: { id: accountId, plan: "enterprise", apiKeyCount: { lt: MAX_KEYS_PER_ACCOUNT } },
    data: { apiKeyCount: { increment: 1 } },
  });
  return raised.count === 1;
}

// Inside a create or roll whose counter did not move: refuse with the reason (gone, no API access, full).
export async function refuseFullAccount(tx: Pick<Tx, "account">, accountId: number): Promise<never> {
  const account = await tx.account.findUnique({ where: { id: accountId }, select: { plan: true } });
  return refuse(keyFailure(!account ? "not_found" : !hasApiAccess(account.plan) ? "no_api_access" : "limit_reached"));
}

// Create a key. The limit holds under concurrency: the account's key counter is raised by a
// guarded UPDATE (… WHERE apiKeyCount < 10) in the same transaction as the insert, so
// concurrent creators serialize on the account row and the loser sees a full counter.
export async function createApiKey(
  db: Db,
  actor: KeyActor,
  description: string,
  pepper: string,
  meta: RequestMeta = {},
  settings: KeySettings = {},
): Promise<Result<{ key: ApiKeyView; plaintext: string }, KeyError>> {
  // A full (or plan-less) account is refused before any transaction, so that in a burst of creates only
  // those that may still succeed queue on the account row; the guarded UPDATE below stays the rule.
  const account = await db.account.findUnique({ where: { id: actor.accountId }, select: { plan: true, apiKeyCount: true } });
  if (!account) return keyFailure("not_found");
  if (!hasApiAccess(account.plan)) return keyFailure("no_api_access");
  if (account.apiKeyCount >= MAX_KEYS_PER_ACCOUNT) return keyFailure("limit_reached");
  const by = await byMember(db, actor);
  const plaintext = generateApiKey();
  return inTransaction(db, async (tx) => {
    if (!(await takeKeySlot(tx, actor.accountId))) await refuseFullAccount(tx, actor.accountId);
    const key = await tx.apiKey.create({
      data: {
        accountId: actor.accountId,
        createdById: actor.userId,
        description,
        hash: hashApiKey(plaintext, pepper),
        last4: lastFourOf(plaintext),
        expiresAt: settings.expiresAt ?? null,
        access: settings.access ?? "full",
        allowedCidrs: (settings.allowedCidrs ?? []).join(" "),
      },
      select: viewSelect,
    });
    await recordEvent(tx, { accountId: actor.accountId, action: "key.created", actor: by, target: { type: "key", label: keyLabel(key) }, meta });
    return { key: toView(key), plaintext };
  }, BURST_TX);
}

// Disable or re-enable a key of the actor's account. Re-enabling needs API access and a creator who is still a member.
export async function setApiKeyStatus(
  db: Db,
  actor: KeyActor,
  keyId: number,
  status: ApiKeyStatus,
  meta: RequestMeta = {},
): Promise<Result<ApiKeyView, KeyError>> {
  return inTransaction(db, async (tx) => {
    // Write first (SQLite then holds the write lock for the whole transaction).
    const changed = await tx.apiKey.updateMany({
      where: { id: keyId, accountId: actor.accountId },
      data: { status, disabledReason: null },
    });
    if (changed.count === 0) refuse(keyFailure("not_found"));
    const key = await tx.apiKey.findUniqueOrThrow({ where: { id: keyId }, select: { ...viewSelect, createdById: true, account: { select: { plan: true } } } });
    const { createdById, account, ...view } = key;
    if (status === "enabled") {
      const refusal = !hasApiAccess(account.plan)
        ? ("no_api_access" as const)
        : !(await tx.membership.findUnique({ where: { accountId_userId: { accountId: actor.accountId, userId: createdById } } }))
          ? ("creator_not_member" as const)
          : null;
      // Refusing rolls the status change back.
      if (refusal) refuse(keyFailure(refusal));
    }
    const action = status === "enabled" ? "key.enabled" : "key.disabled";
    await recordEvent(tx, { accountId: actor.accountId, action, actor: await byMember(tx, actor), target: { type: "key", label: keyLabel(view) }, meta });
    return toView(view);
  });
}

// Delete a key of the actor's account and free its slot, in one transaction.
export async function deleteApiKey(db: Db, actor: KeyActor, keyId: number, meta: RequestMeta = {}): Promise<Result<{ id: number }, KeyError>> {
  const deleted = await db.$transaction(async (tx) => {
    const key = await tx.apiKey.findFirst({ where: { id: keyId, accountId: actor.accountId }, select: { last4: true, description: true } });
    const gone = await tx.apiKey.deleteMany({ where: { id: keyId, accountId: actor.accountId } });
    if (!key || gone.count !== 1) return false;
    await tx.account.update({ where: { id: actor.accountId }, data: { apiKeyCount: { decrement: 1 } } });
    await recordEvent(tx, { accountId: actor.accountId, action: "key.deleted", actor: await byMember(tx, actor), target: { type: "key", label: keyLabel(key) }, meta });
    return true;
  });
  return deleted ? ok({ id: keyId }) : keyFailure("not_found");
}

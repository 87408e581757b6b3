// The API key lifecycle: create (under the per-account limit), list, disable/re-enable, delete.
import type { Db } from "../db-client";
import { hasApiAccess } from "../plans";
import { hashApiKey } from "./hash";
import { generateApiKey, lastFourOf } from "./token";

export const MAX_KEYS_PER_ACCOUNT = 10;

// The member acting: keys are always reached through the account they were authorized for.
export type KeyActor = { userId: string; workspaceId: number };

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
};

export type KeyError = "not_found" | "limit_reached" | "no_api_access" | "creator_not_member";
export type KeyResult<T> = { ok: true; data: T } | { ok: false; error: KeyError; message: string };

export const KEY_ERROR_MESSAGES: Record<KeyError, string> = {
  not_found: "That key was not found in this account. It may have been deleted.",
  limit_reached: `This account already has ${MAX_KEYS_PER_ACCOUNT} keys (enabled and disabled together). Delete a key to generate a new one.`,
  no_api_access: "API access is an Enterprise feature. Upgrade the account's plan to use API keys.",
  creator_not_member: "This key's creator is no longer a member of the account, so it cannot be re-enabled. Delete it instead.",
};

function fail<T>(error: KeyError): KeyResult<T> {
  return { ok: false, error, message: KEY_ERROR_MESSAGES[error] };
}

const viewSelect = {
  id: true,
  last4: true,
  description: true,
  createdAt: true,
  lastUsedAt: true,
  status: true,
  disabledReason: true,
  createdBy: { select: { email: true } },
} as const;

type ViewRow = Omit<ApiKeyView, "createdByEmail" | "status"> & { status: string; createdBy: { email: string } };

function toView({ createdBy, ...row }: ViewRow): ApiKeyView {
  return { ...row, status: row.status as ApiKeyStatus, createdByEmail: createdBy.email };
}

// Every key of the account, oldest first.
export async function listApiKeys(db: Db, workspaceId: number): Promise<ApiKeyView[]> {
  const rows = await db.apiKey.findMany({ where: { workspaceId }, select: viewSelect, orderBy: { id: "asc" } });
  return rows.map(toView);
}

// Create a key. The limit holds under concurrency: the account's key counter is raised by a
// guarded UPDATE (… WHERE apiKeyCount < 10) in the same transaction as the insert, so
// concurrent creators serialize on the account row and the loser sees a full counter.
export async function createApiKey(
  db: Db,
  actor: KeyActor,
  description: string,
  pepper: string,
): Promise<KeyResult<{ key: ApiKeyView; plaintext: string }>> {
  const plaintext = generateApiKey();
  const outcome = await db.$transaction(async (tx) => {
    const raised = await tx.workspace.updateMany({
      where: { id: actor.workspaceId, plan: "enterprise", apiKeyCount: { lt: MAX_KEYS_PER_ACCOUNT } },
      data: { apiKeyCount: { increment: 1 } },
    });
    if (raised.count === 0) {
      const ws = await tx.workspace.findUnique({ where: { id: actor.workspaceId }, select: { plan: true } });
      return !ws ? ("not_found" as const) : !hasApiAccess(ws.plan) ? ("no_api_access" as const) : ("limit_reached" as const);
    }
    return tx.apiKey.create({
      data: {
        workspaceId: actor.workspaceId,
        createdById: actor.userId,
        description,
        hash: hashApiKey(plaintext, pepper),
        last4: lastFourOf(plaintext),
      },
      select: viewSelect,
    });
  });
  if (typeof outcome === "string") return fail(outcome);
  return { ok: true, data: { key: toView(outcome), plaintext } };
}

// Disable or re-enable a key of the actor's account. Re-enabling needs API access and a creator who is still a member.
export async function setApiKeyStatus(db: Db, actor: KeyActor, keyId: number, status: ApiKeyStatus): Promise<KeyResult<ApiKeyView>> {
  const key = await db.apiKey.findFirst({
    where: { id: keyId, workspaceId: actor.workspaceId },
    select: { createdById: true, workspace: { select: { plan: true } } },
  });
  if (!key) return fail("not_found");
  if (status === "enabled") {
    if (!hasApiAccess(key.workspace.plan)) return fail("no_api_access");
    const creator = await db.membership.findUnique({
      where: { workspaceId_userId: { workspaceId: actor.workspaceId, userId: key.createdById } },
      select: { id: true },
    });
    if (!creator) return fail("creator_not_member");
  }
  const changed = await db.apiKey.updateMany({
    where: { id: keyId, workspaceId: actor.workspaceId },
    data: { status, disabledReason: null },
  });
  if (changed.count === 0) return fail("not_found");
  const row = await db.apiKey.findFirst({ where: { id: keyId, workspaceId: actor.workspaceId }, select: viewSelect });
  return row ? { ok: true, data: toView(row) } : fail("not_found");
}

// Delete a key of the actor's account and free its slot, in one transaction.
export async function deleteApiKey(db: Db, actor: KeyActor, keyId: number): Promise<KeyResult<{ id: number }>> {
  const deleted = await db.$transaction(async (tx) => {
    const gone = await tx.apiKey.deleteMany({ where: { id: keyId, workspaceId: actor.workspaceId } });
    if (gone.count === 1) {
      await tx.workspace.update({ where: { id: actor.workspaceId }, data: { apiKeyCount: { decrement: 1 } } });
    }
    return gone.count === 1;
  });
  return deleted ? { ok: true, data: { id: keyId } } : fail("not_found");
}

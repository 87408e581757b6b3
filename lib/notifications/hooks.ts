// Post-load hooks of an account: list, create (URL under the host rules, a signing secret shown once),
// enable/disable, delete (all audited), and the delivery log members read.
import "server-only";
import { randomBytes } from "node:crypto";
import { recordEvent } from "../audit/events";
import type { SecretBox } from "../crypto/secret-box";
import type { Db } from "../db/factory";
import { fail, type Result } from "../connect/result";
import { inTransaction, refuse } from "../result";
import { hookSecretContext } from "./hook-secret";
import { hookUrlProblem, type HostEnv } from "./hook-url-rules";
import { lockAccountRow } from "./account-lock";
import { keyActor, type KeyCaller } from "./key-actor";
import { toHook, toHookDelivery, type Hook, type HookDelivery } from "./views";

// The original's limit per account.
export const MAX_HOOKS = 10;
export const DELIVERIES_SHOWN = 100;

type Deps = { db: Db; box: SecretBox };
export type CreateHookInput = { type: "post_load"; destination_id: number; config: { url: string } };

const label = (row: { id: number; url: string }) => `hook ${row.id} (${new URL(row.url).host})`;

// A new signing secret: 32 random bytes, prefixed so that people recognise it.
export function newHookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}

// Every hook of the account, disabled ones included, oldest first.
export async function listHooks(db: Db, accountId: number): Promise<Hook[]> {
  const rows = await db.notificationHook.findMany({ where: { accountId }, orderBy: { id: "asc" } });
  return rows.map(toHook);
}

// Create a hook on one of the account's destinations; the answer carries its secret, the only time it is shown.
export async function createHook(deps: Deps, key: KeyCaller, input: CreateHookInput, env: HostEnv = process.env): Promise<Result<Hook & { secret: string }>> {
  const problem = hookUrlProblem(input.config.url, env);
  if (problem) return fail("InvalidBody", "The hook URL is not allowed; see fields.", { "config.url": problem });
  const secret = newHookSecret();
  return inTransaction(deps.db, async (tx) => {
    await lockAccountRow(tx, key.accountId);
    const destination = await tx.destination.findFirst({ where: { id: input.destination_id, accountId: key.accountId }, select: { id: true } });
    if (!destination) refuse(fail("InvalidBody", "The destination was not found in this account.", { destination_id: "No such destination." }));
    if ((await tx.notificationHook.count({ where: { accountId: key.accountId } })) >= MAX_HOOKS) {
      refuse(fail("InvalidBody", `You have exceeded the limit of ${MAX_HOOKS} hooks.`));
    }
    // The signing secret is sealed bound to the new row, so it is written once the row (and its id) exists.
    const created = await tx.notificationHook.create({
      data: { accountId: key.accountId, destinationId: destination.id, type: input.type, url: input.config.url, secret: "" },
    });
    const row = await tx.notificationHook.update({ where: { id: created.id }, data: { secret: deps.box.seal(secret, hookSecretContext(created.id)) } });
    await recordEvent(tx, { accountId: key.accountId, action: "notification.hook_created", actor: await keyActor(tx, key), target: { type: "notification", label: label(row) } });
    return { ...toHook(row), secret };
  });
}

// Enable or disable a hook; a disabled hook receives nothing until enabled again.
export async function setHookEnabled(db: Db, key: KeyCaller, id: number, enable: boolean): Promise<Result<Hook>> {
  return inTransaction(db, async (tx) => {
    // Write first: on SQLite a transaction that reads before its first write can be refused the write lock.
    await lockAccountRow(tx, key.accountId);
    const row = await tx.notificationHook.findFirst({ where: { id, accountId: key.accountId } });
    if (!row) refuse(fail("NotFound", "The hook was not found."));
    if (enable === (row.disabledAt === null)) return toHook(row);
    const updated = await tx.notificationHook.update({ where: { id: row.id }, data: { disabledAt: enable ? null : new Date() } });
    const action = enable ? "notification.hook_enabled" : "notification.hook_disabled";
    await recordEvent(tx, { accountId: key.accountId, action, actor: await keyActor(tx, key), target: { type: "notification", label: label(row) } });
    return toHook(updated);
  });
}

// Delete a hook and its delivery log.
export async function deleteHook(db: Db, key: KeyCaller, id: number): Promise<Result<null>> {
  return inTransaction(db, async (tx) => {
    // Write first: on SQLite a transaction that reads before its first write can be refused the write lock.
    await lockAccountRow(tx, key.accountId);
    const row = await tx.notificationHook.findFirst({ where: { id, accountId: key.accountId } });
    if (!row) refuse(fail("NotFound", "The hook was not found."));
    await tx.notificationHook.delete({ where: { id: row.id } });
    await recordEvent(tx, { accountId: key.accountId, action: "notification.hook_deleted", actor: await keyActor(tx, key), target: { type: "notification", label: label(row) } });
    return null;
  });
}

// The latest delivery attempts of one of the account's hooks, newest first; null when there is no such hook.
export async function listHookDeliveries(db: Db, accountId: number, id: number): Promise<HookDelivery[] | null> {
  const hook = await db.notificationHook.findFirst({ where: { id, accountId }, select: { id: true } });
  if (!hook) return null;
  const rows = await db.hookDelivery.findMany({ where: { hookId: hook.id }, orderBy: { id: "desc" }, take: DELIVERIES_SHOWN });
  return rows.map(toHookDelivery);
}

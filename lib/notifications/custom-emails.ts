// Custom email recipients of an account's failure notifications: list, add, disable/re-enable, delete (audited).
import "server-only";
import { recordEvent } from "../audit/events";
import type { Db } from "../db/factory";
import { fail, type Result } from "../connect/result";
import { inTransaction, refuse } from "../result";
import { lockAccountRow } from "./account-lock";
import { keyActor, type KeyCaller } from "./key-actor";
import { toCustomEmail, type CustomEmail } from "./views";

// The original's limit per account.
export const MAX_CUSTOM_EMAILS = 10;

const label = (address: string) => `custom email ${address}`;

// Every custom email of the account, disabled ones included, oldest first.
export async function listCustomEmails(db: Db, accountId: number): Promise<CustomEmail[]> {
  const rows = await db.notificationEmail.findMany({ where: { accountId }, orderBy: { id: "asc" } });
  return rows.map(toCustomEmail);
}

// Addresses (lower-cased) that should receive the account's failure notifications: the enabled custom emails.
export async function notificationRecipients(db: Db, accountId: number): Promise<string[]> {
  const rows = await db.notificationEmail.findMany({ where: { accountId, disabledAt: null }, orderBy: { id: "asc" }, select: { emailAddress: true } });
  return rows.map((r) => r.emailAddress);
}

// Add an address (stored lower-cased); refused when already listed or when the account has reached the limit.
export async function createCustomEmail(db: Db, key: KeyCaller, emailAddress: string): Promise<Result<CustomEmail>> {
  const address = emailAddress.toLowerCase();
  return inTransaction(db, async (tx) => {
    await lockAccountRow(tx, key.accountId);
    const existing = await tx.notificationEmail.findMany({ where: { accountId: key.accountId }, select: { emailAddress: true } });
    if (existing.some((e) => e.emailAddress === address)) {
      refuse(fail("InvalidBody", "This address is already a custom email of the account.", { email_address: "Already on the list." }));
    }
    if (existing.length >= MAX_CUSTOM_EMAILS) {
      refuse(fail("InvalidBody", `Account not authorized to create additional custom notification email addresses (the limit is ${MAX_CUSTOM_EMAILS}).`));
    }
    const row = await tx.notificationEmail.create({ data: { accountId: key.accountId, emailAddress: address } });
    await recordEvent(tx, { accountId: key.accountId, action: "notification.email_created", actor: await keyActor(tx, key), target: { type: "notification", label: label(address) } });
    return toCustomEmail(row);
  });
}

// Disable (any timestamp: now) or re-enable (null) an address; the answer is the address as it now is.
export async function setCustomEmailDisabled(db: Db, key: KeyCaller, id: number, disable: boolean): Promise<Result<CustomEmail>> {
  return inTransaction(db, async (tx) => {
    // Write first: on SQLite a transaction that reads before its first write can be refused the write lock.
    await lockAccountRow(tx, key.accountId);
    const row = await tx.notificationEmail.findFirst({ where: { id, accountId: key.accountId } });
    if (!row) refuse(fail("NotFound", "The custom email was not found."));
    if (disable === (row.disabledAt !== null)) return toCustomEmail(row);
    const updated = await tx.notificationEmail.update({ where: { id: row.id }, data: { disabledAt: disable ? new Date() : null } });
    const action = disable ? "notification.email_disabled" : "notification.email_enabled";
    await recordEvent(tx, { accountId: key.accountId, action, actor: await keyActor(tx, key), target: { type: "notification", label: label(row.emailAddress) } });
    return toCustomEmail(updated);
  });
}

// Delete an address.
export async function deleteCustomEmail(db: Db, key: KeyCaller, id: number): Promise<Result<true>> {
  return inTransaction(db, async (tx) => {
    // Write first: on SQLite a transaction that reads before its first write can be refused the write lock.
    await lockAccountRow(tx, key.accountId);
    const row = await tx.notificationEmail.findFirst({ where: { id, accountId: key.accountId } });
    if (!row) refuse(fail("NotFound", "The custom email was not found."));
    await tx.notificationEmail.delete({ where: { id: row.id } });
    await recordEvent(tx, { accountId: key.accountId, action: "notification.email_deleted", actor: await keyActor(tx, key), target: { type: "notification", label: label(row.emailAddress) } });
    return true as const;
  });
}

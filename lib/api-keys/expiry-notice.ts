// Owners hear of a key that expires within 7 days, once per key, by email (only when SMTP_URL is set).
// Run by every worker's scheduler tick; the notice is claimed by a guarded UPDATE, so it goes out once.
import "server-only";
import { keyLabel } from "../audit/events";
import { accountUrl } from "../console-paths";
import type { Db } from "../db/factory";
import { mailEnabled, sendKeyExpiringEmail } from "../mail";
import { expiryLabel } from "./changes";

export const EXPIRY_NOTICE_MS = 7 * 24 * 60 * 60 * 1000;

// Email the owners of every enabled key expiring within 7 days that has not been noticed yet; returns the key ids.
export async function sendExpiryNotices(db: Db, now = new Date(), baseUrl = process.env.NEXTAUTH_URL ?? "http://localhost:3000"): Promise<number[]> {
  if (!mailEnabled()) return [];
  const soon = await db.apiKey.findMany({
    where: { status: "enabled", expiryNoticeAt: null, expiresAt: { gt: now, lte: new Date(now.getTime() + EXPIRY_NOTICE_MS) } },
    select: { id: true, last4: true, description: true, expiresAt: true, accountId: true, account: { select: { name: true, slug: true } } },
    take: 100,
  });
  const sent: number[] = [];
  for (const key of soon) {
    const claimed = await db.apiKey.updateMany({ where: { id: key.id, expiryNoticeAt: null }, data: { expiryNoticeAt: now } });
    if (claimed.count !== 1) continue; // another worker took it
    const owners = await db.membership.findMany({ where: { accountId: key.accountId, role: "owner" }, select: { user: { select: { email: true } } } });
    const link = accountUrl(baseUrl, key.account.slug, "/settings/account");
    for (const owner of owners) {
      await sendKeyExpiringEmail(owner.user.email, key.account.name, keyLabel(key), expiryLabel(key.expiresAt), link).catch((error: Error) =>
        console.error(`key expiry notice not sent for key ${key.id}: ${error.message.split("\n")[0]}`),
      );
    }
    sent.push(key.id);
  }
  return sent;
}

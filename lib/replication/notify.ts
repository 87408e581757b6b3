// Failure notices: when a source's run fails (its runner reported it, or the reaper found its worker dead), the
// account's owners and its enabled custom emails hear of it once (an email when SMTP is set, otherwise an
// Activity event) until a run of that source succeeds again.
import "server-only";
import { recordEvent } from "../audit/events";
import { accountUrl } from "../console-paths";
import type { Db } from "../db/factory";
import { sendRunFailedEmail } from "../mail";
import { notificationRecipients } from "../notifications/custom-emails";
import { runError } from "./run-error";

export type Notice = "sent" | "recorded" | "none";

// After a job ended: a success re-arms the notice; the first failure since sends it (claimed by a guarded UPDATE).
export async function notifyRunOutcome(db: Db, jobName: string, baseUrl = process.env.NEXTAUTH_URL ?? "http://localhost:3000"): Promise<Notice> {
  const job = await db.replicationJob.findUnique({ where: { jobName }, include: { source: { select: { id: true, displayName: true, account: { select: { slug: true } } } } } });
  if (!job) return "none";
  if (job.status === "succeeded") {
    await db.source.updateMany({ where: { id: job.sourceId, failureNotifiedAt: { not: null } }, data: { failureNotifiedAt: null } });
    return "none";
  }
  if (job.status !== "failed") return "none";
  const claimed = await db.source.updateMany({ where: { id: job.sourceId, failureNotifiedAt: null }, data: { failureNotifiedAt: new Date() } });
  if (claimed.count !== 1) return "none";
  const error = runError(job) ?? "The run failed.";
  const link = accountUrl(baseUrl, job.source.account.slug, `/sources/${job.sourceId}`);
  const recipients = await failureRecipients(db, job.accountId);
  const sent = await Promise.all(recipients.map((to) => sendRunFailedEmail(to, job.source.displayName, error, link).catch(() => false)));
  if (sent.some(Boolean)) return "sent";
  await recordEvent(db, {
    accountId: job.accountId,
    action: "job.failed_notice",
    actor: { type: "system", label: "Replication" },
    target: { type: "source", label: `source ${job.sourceId} (${job.source.displayName}) failed: ${error.slice(0, 300)} — ${link}` },
  });
  return "recorded";
}

// Who hears of a failure: the owners, then the enabled custom emails; each address once (case-insensitively).
export async function failureRecipients(db: Db, accountId: number): Promise<string[]> {
  const owners = await db.membership.findMany({ where: { accountId, role: "owner" }, orderBy: { createdAt: "asc" }, select: { user: { select: { email: true } } } });
  const all = [...owners.map((o) => o.user.email), ...(await notificationRecipients(db, accountId))];
  const seen = new Set<string>();
  return all.filter((address) => {
    const key = address.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

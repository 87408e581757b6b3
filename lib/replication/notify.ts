// Failure notices: when a source's run fails, its account's owners hear of it once (an email when SMTP is set,
// otherwise an Activity event) until a run of that source succeeds again.
import { recordEvent } from "../audit/events";
import type { Db } from "../db-client";
import { sendRunFailedEmail } from "../mail";
import { runError } from "./overview";

export type Notice = "sent" | "recorded" | "none";

// After a job ended: a success re-arms the notice; the first failure since sends it (claimed by a guarded UPDATE).
export async function notifyRunOutcome(db: Db, jobName: string, baseUrl = process.env.NEXTAUTH_URL ?? "http://localhost:3000"): Promise<Notice> {
  const job = await db.replicationJob.findUnique({ where: { jobName }, include: { source: { select: { id: true, displayName: true, workspace: { select: { slug: true } } } } } });
  if (!job) return "none";
  if (job.status === "succeeded") {
    await db.source.updateMany({ where: { id: job.sourceId, failureNotifiedAt: { not: null } }, data: { failureNotifiedAt: null } });
    return "none";
  }
  if (job.status !== "failed") return "none";
  const claimed = await db.source.updateMany({ where: { id: job.sourceId, failureNotifiedAt: null }, data: { failureNotifiedAt: new Date() } });
  if (claimed.count !== 1) return "none";
  const error = runError(job) ?? "The run failed.";
  const link = `${baseUrl.replace(/\/$/, "")}/sources/${job.sourceId}?account=${encodeURIComponent(job.source.workspace.slug)}`;
  const owners = await db.membership.findMany({ where: { workspaceId: job.workspaceId, role: "owner" }, select: { user: { select: { email: true } } } });
  let sent = false;
  for (const owner of owners) {
    sent = (await sendRunFailedEmail(owner.user.email, job.source.displayName, error, link).catch(() => false)) || sent;
  }
  if (sent) return "sent";
  await recordEvent(db, {
    workspaceId: job.workspaceId,
    action: "job.failed_notice",
    actor: { type: "system", label: "Replication" },
    target: { type: "source", label: `source ${job.sourceId} (${job.source.displayName}) failed: ${error.slice(0, 300)} — ${link}` },
  });
  return "recorded";
}

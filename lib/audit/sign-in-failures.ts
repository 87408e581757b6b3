// Failed sign-ins in Activity without one row per attempt: one event per account, email and client address
// in each window, whose count grows with every further failure.
import "server-only";
import type { Db } from "../db/factory";
import { recordEvent, type RequestMeta } from "./events";

export const AGGREGATE_WINDOW_MS = 15 * 60_000;

// Count one failed sign-in of a known user in each of their accounts.
export async function recordSignInFailure(db: Db, user: { id: string; email: string }, meta: RequestMeta, now = new Date()): Promise<void> {
  const memberships = await db.membership.findMany({ where: { userId: user.id }, select: { accountId: true } });
  const since = new Date(now.getTime() - AGGREGATE_WINDOW_MS);
  for (const { accountId } of memberships) {
    const same = { accountId, action: "signin.failed", targetLabel: user.email, ip: meta.ip?.slice(0, 100) ?? null, createdAt: { gte: since } };
    const open = await db.auditEvent.findFirst({ where: same, orderBy: { id: "desc" }, select: { id: true } });
    if (open) {
      await db.auditEvent.update({ where: { id: open.id }, data: { count: { increment: 1 } } });
      continue;
    }
    await recordEvent(db, {
      accountId,
      action: "signin.failed",
      actor: { type: "system", label: "sign-in form" },
      target: { type: "member", label: user.email },
      meta,
    });
  }
}

// Email + password check for the sign-in form: one answer (null) for unknown email and wrong password.
import { recordEvent, type RequestMeta } from "../audit/events";
import type { Db } from "../db/factory";
import { dummyPasswordHash, verifyPassword } from "./password";

export type SignedInUser = { id: string; email: string; name: string | null };

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function checkCredentials(db: Db, email: string, password: string, meta: RequestMeta = {}): Promise<SignedInUser | null> {
  if (!email || !password || password.length > 1024) return null;
  const user = await db.user.findUnique({ where: { email: normalizeEmail(email) } });
  const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
  if (ok && user) return { id: user.id, email: user.email, name: user.name };
  if (user) await recordSignInFailure(db, user, meta);
  return null;
}

// A failed sign-in for a known email is recorded in each of that person's accounts.
async function recordSignInFailure(db: Db, user: { id: string; email: string }, meta: RequestMeta) {
  const memberships = await db.membership.findMany({ where: { userId: user.id }, select: { accountId: true } });
  for (const { accountId } of memberships) {
    await recordEvent(db, {
      accountId,
      action: "signin.failed",
      actor: { type: "system", label: "sign-in form" },
      target: { type: "member", label: user.email },
      meta,
    });
  }
}

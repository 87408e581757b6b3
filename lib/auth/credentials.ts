// Email + password check for the sign-in form: one answer (null) for unknown email and wrong password.
import "server-only";
import type { RequestMeta } from "../audit/events";
import { recordSignInFailure } from "../audit/sign-in-failures";
import type { Db } from "../db/factory";
import { dummyPasswordHash, verifyPassword } from "./password";

export type SignedInUser = { id: string; email: string; name: string | null };

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

// The user when the password is right; else null, after the failure is counted in Activity (known emails).
// Callers limit attempts first (lib/auth/sign-in-guard.ts).
export async function checkCredentials(db: Db, email: string, password: string, meta: RequestMeta = {}): Promise<SignedInUser | null> {
  if (!email || !password || password.length > 1024) return null;
  const user = await db.user.findUnique({ where: { email: normalizeEmail(email) } });
  const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
  if (ok && user) return { id: user.id, email: user.email, name: user.name };
  if (user) await recordSignInFailure(db, user, meta);
  return null;
}

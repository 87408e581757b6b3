// Email + password check for the sign-in form: one answer (null) for unknown email and wrong password.
import type { Db } from "../db";
import { dummyPasswordHash, verifyPassword } from "./password";

export type SignedInUser = { id: string; email: string; name: string | null };

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function checkCredentials(db: Db, email: string, password: string): Promise<SignedInUser | null> {
  if (!email || !password || password.length > 1024) return null;
  const user = await db.user.findUnique({ where: { email: normalizeEmail(email) } });
  const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
  return ok && user ? { id: user.id, email: user.email, name: user.name } : null;
}

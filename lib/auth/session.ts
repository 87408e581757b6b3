// The data access layer for signed-in people: every page and action re-checks session and membership here.
import "server-only";
import { getServerSession } from "next-auth";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { db } from "../db/client";
import { findMembership, listMemberships, type Member } from "./membership";
import { authOptions } from "./options";

export type SessionUser = { id: string; email: string; name: string | null };

// The signed-in user, re-read from the database (a deleted user's JWT is worth nothing).
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions());
  const id = (session?.user as { id?: string } | undefined)?.id;
  if (!id) return null;
  const user = await db.user.findUnique({ where: { id }, select: { id: true, email: true, name: true } });
  return user ?? null;
});

export function loginUrl(returnTo: string): string {
  return `/login?callbackUrl=${encodeURIComponent(returnTo)}`;
}

// For pages: the user or a redirect to sign-in that comes back to returnTo.
export async function requireUser(returnTo: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(loginUrl(returnTo));
  return user;
}

export type PageContext = { user: SessionUser; member: Member; memberships: Member[] };

// For account pages: the account named by ?account= (or the user's first one). Unknown or foreign → 404.
export async function requirePageMember(returnTo: string, accountSlug?: string): Promise<PageContext> {
  const user = await requireUser(returnTo);
  const memberships = await listMemberships(db, user.id);
  const member = accountSlug ? memberships.find((m) => m.accountSlug === accountSlug) : memberships[0];
  if (!member) notFound();
  return { user, member, memberships };
}

// For server actions: the caller's membership in the account the form names, or null.
export async function memberForAction(accountId: number): Promise<Member | null> {
  const user = await getSessionUser();
  if (!user || !Number.isSafeInteger(accountId)) return null;
  return findMembership(db, user.id, accountId);
}

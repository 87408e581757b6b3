// The data access layer for signed-in people: every page and action re-checks session and membership here.
import "server-only";
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { accountSlugProblem } from "../account-slugs";
import { accountPath, REQUESTED_PAGE_HEADER } from "../console-paths";
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

// The page the browser asked for (path and query, set by proxy.ts), so that a sign-in comes back to it.
async function requestedPage(fallback: string): Promise<string> {
  const page = (await headers()).get(REQUESTED_PAGE_HEADER);
  return page?.startsWith("/") ? page : fallback;
}

// For account pages and their layout (one query per request): the signed-in user's membership in the account
// the URL names. Signed out → sign-in that comes back to the page; an unknown slug and another account's → the same 404.
export const requireAccountMember = cache(async (slug: string): Promise<PageContext> => {
  // No account can have a malformed slug (/favicon.ico, /robots.txt …): 404 at once, signed in or not.
  if (accountSlugProblem(slug)) notFound();
  const user = await getSessionUser();
  if (!user) redirect(loginUrl(await requestedPage(accountPath(slug, "/settings/account"))));
  const memberships = await listMemberships(db, user.id);
  const member = memberships.find((m) => m.accountSlug === slug);
  if (!member) notFound();
  return { user, member, memberships };
});

// For the old URLs: the account named by ?account= when the user is its member, else their first one (none → 404).
export async function requireCurrentMember(returnTo: string, accountSlug?: string): Promise<Member> {
  const user = await requireUser(returnTo);
  const memberships = await listMemberships(db, user.id);
  const member = memberships.find((m) => m.accountSlug === accountSlug) ?? memberships[0];
  if (!member) notFound();
  return member;
}

// For server actions: the caller's membership in the account the form names, or null.
export async function memberForAction(accountId: number): Promise<Member | null> {
  const user = await getSessionUser();
  if (!user || !Number.isSafeInteger(accountId)) return null;
  return findMembership(db, user.id, accountId);
}

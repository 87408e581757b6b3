// OAuth sign-in (GitHub, Google): only an email the provider says it verified counts, and an OAuth
// identity never takes over a password account (its owner signs in with the password).
import "server-only";
import type { Db } from "../db/factory";
import { normalizeEmail } from "./credentials";

type Fetch = (url: string, init: { headers: Record<string, string> }) => Promise<{ ok: boolean; json(): Promise<unknown> }>;

export type OAuthSignIn = {
  provider: string;
  accessToken?: string;
  profile: { email?: string | null; email_verified?: boolean | string | null } | undefined;
};

// The email the provider vouches for: Google's verified claim, or GitHub's primary verified address; else null.
export async function verifiedOAuthEmail(signIn: OAuthSignIn, fetcher: Fetch = fetch as unknown as Fetch): Promise<string | null> {
  if (signIn.provider === "google") {
    const verified = signIn.profile?.email_verified === true || signIn.profile?.email_verified === "true";
    return verified && signIn.profile?.email ? normalizeEmail(signIn.profile.email) : null;
  }
  if (signIn.provider === "github" && signIn.accessToken) {
    const response = await fetcher("https://api.github.com/user/emails", {
      headers: { Authorization: `Bearer ${signIn.accessToken}`, Accept: "application/vnd.github+json", "User-Agent": "bobbin" },
    }).catch(() => null);
    if (!response?.ok) return null;
    const emails = (await response.json().catch(() => [])) as { email?: string; primary?: boolean; verified?: boolean }[];
    const primary = Array.isArray(emails) ? emails.find((e) => e.primary && e.verified === true && typeof e.email === "string") : undefined;
    return primary?.email ? normalizeEmail(primary.email) : null;
  }
  return null;
}

export type OAuthUser = { ok: true; userId: string } | { ok: false; reason: "password_account" };

// Our user for a verified OAuth email: an existing user without a password, or a new user (with no account yet).
// A user with a password is refused: linking would let whoever controls the provider account take it over.
export async function userForOAuth(db: Db, email: string, name: string | null | undefined): Promise<OAuthUser> {
  const address = normalizeEmail(email);
  const existing = await db.user.findUnique({ where: { email: address }, select: { id: true, passwordHash: true } });
  if (existing) return existing.passwordHash ? { ok: false, reason: "password_account" } : { ok: true, userId: existing.id };
  try {
    const created = await db.user.create({ data: { email: address, name: name ?? null }, select: { id: true } });
    return { ok: true, userId: created.id };
  } catch {
    // Created at the same moment by another sign-in: judge that user instead.
    const raced = await db.user.findUniqueOrThrow({ where: { email: address }, select: { id: true, passwordHash: true } });
    return raced.passwordHash ? { ok: false, reason: "password_account" } : { ok: true, userId: raced.id };
  }
}

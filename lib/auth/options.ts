// next-auth options: credentials always; GitHub and Google when their env vars are set. JWT sessions.
import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import { db } from "../db/client";
import { readSecret } from "../secrets";
import { requestMetaFrom } from "../request-meta";
import { safeRedirect } from "../safe-return-path";
import { rateLimitStoreFromEnv, type RateLimitStore } from "../rate-limit";
import { signInWithPassword } from "./sign-in-guard";
import { userForOAuth, verifiedOAuthEmail } from "./oauth";

export function oauthProviderIds(env: NodeJS.ProcessEnv = process.env): ("github" | "google")[] {
  const ids: ("github" | "google")[] = [];
  if (env.GITHUB_CLIENT_ID && env.GITHUB_CLIENT_SECRET) ids.push("github");
  if (env.GOOGLE_CLIENT_ID && env.GOOGLE_CLIENT_SECRET) ids.push("google");
  return ids;
}

let limits: RateLimitStore | undefined;
function signInLimits(): RateLimitStore {
  limits ??= rateLimitStoreFromEnv(db);
  return limits;
}

function providers(): NextAuthOptions["providers"] {
  const list: NextAuthOptions["providers"] = [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      // Failures are limited per email and client (lib/auth/sign-in-guard.ts); a lock-out reaches the form
      // as the error "TooManyAttempts:<seconds>", the same whether or not the email exists.
      authorize: async (credentials, req) => {
        const meta = requestMetaFrom(req?.headers ?? {});
        const result = await signInWithPassword({ db, limits: signInLimits() }, credentials?.email ?? "", credentials?.password ?? "", meta);
        if (result.ok) return result.user;
        if (result.reason === "limited") throw new Error(`TooManyAttempts:${result.retryAfterSeconds}`);
        return null;
      },
    }),
  ];
  const env = process.env;
  for (const id of oauthProviderIds()) {
    if (id === "github") list.push(GitHubProvider({ clientId: env.GITHUB_CLIENT_ID!, clientSecret: env.GITHUB_CLIENT_SECRET! }));
    if (id === "google") list.push(GoogleProvider({ clientId: env.GOOGLE_CLIENT_ID!, clientSecret: env.GOOGLE_CLIENT_SECRET! }));
  }
  return list;
}

let cached: NextAuthOptions | undefined;
// Built on first use, not at import, so that `next build` needs no secrets.
export function authOptions(): NextAuthOptions {
  cached ??= {
    secret: readSecret("NEXTAUTH_SECRET"),
    session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
    pages: { signIn: "/login" },
    providers: providers(),
    callbacks: {
      // OAuth: a verified email, and never a password account's (see lib/auth/oauth.ts).
      async signIn({ account, user, profile }) {
        if (!account || account.provider === "credentials") return true;
        const email = await verifiedOAuthEmail({ provider: account.provider, accessToken: account.access_token, profile: profile as never });
        if (!email) return "/login?error=OAuthEmailNotVerified";
        const found = await userForOAuth(db, email, user.name);
        if (!found.ok) return "/login?error=OAuthAccountNotLinked";
        (user as { bobbinUserId?: string }).bobbinUserId = found.userId;
        return true;
      },
      async jwt({ token, user, account }) {
        if (user && account) {
          const uid = account.provider === "credentials" ? user.id : (user as { bobbinUserId?: string }).bobbinUserId;
          if (!uid) throw new Error("OAuth sign-in without a checked user");
          token.uid = uid;
        }
        return token;
      },
      // Only this site's paths, whatever callbackUrl a link carried.
      async redirect({ url, baseUrl }) {
        return safeRedirect(url, baseUrl);
      },
      async session({ session, token }) {
        if (session.user) (session.user as { id?: string }).id = token.uid as string;
        return session;
      },
    },
  };
  return cached;
}

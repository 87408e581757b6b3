// next-auth options: credentials always; GitHub and Google when their env vars are set. JWT sessions.
import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import { db } from "../db/client";
import { readSecret } from "../secrets";
import { requestMetaFrom } from "../request-meta";
import { checkCredentials, normalizeEmail } from "./credentials";

export function oauthProviderIds(env: NodeJS.ProcessEnv = process.env): ("github" | "google")[] {
  const ids: ("github" | "google")[] = [];
  if (env.GITHUB_CLIENT_ID && env.GITHUB_CLIENT_SECRET) ids.push("github");
  if (env.GOOGLE_CLIENT_ID && env.GOOGLE_CLIENT_SECRET) ids.push("google");
  return ids;
}

function providers(): NextAuthOptions["providers"] {
  const list: NextAuthOptions["providers"] = [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      authorize: async (credentials, req) =>
        checkCredentials(db, credentials?.email ?? "", credentials?.password ?? "", requestMetaFrom(req?.headers ?? {})),
    }),
  ];
  const env = process.env;
  for (const id of oauthProviderIds()) {
    if (id === "github") list.push(GitHubProvider({ clientId: env.GITHUB_CLIENT_ID!, clientSecret: env.GITHUB_CLIENT_SECRET! }));
    if (id === "google") list.push(GoogleProvider({ clientId: env.GOOGLE_CLIENT_ID!, clientSecret: env.GOOGLE_CLIENT_SECRET! }));
  }
  return list;
}

// OAuth sign-ins map to our User by verified email; an unknown email gets a user with no account yet.
async function userIdForOAuth(email: string, name: string | null | undefined): Promise<string> {
  const user = await db.user.upsert({
    where: { email: normalizeEmail(email) },
    update: {},
    create: { email: normalizeEmail(email), name: name ?? null },
  });
  return user.id;
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
      async signIn({ account, user }) {
        if (!account || account.provider === "credentials") return true;
        return Boolean(user.email);
      },
      async jwt({ token, user, account }) {
        if (user && account) {
          token.uid = account.provider === "credentials" ? user.id : await userIdForOAuth(user.email!, user.name);
        }
        return token;
      },
      async session({ session, token }) {
        if (session.user) (session.user as { id?: string }).id = token.uid as string;
        return session;
      },
    },
  };
  return cached;
}

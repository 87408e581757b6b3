import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { getSessionUser } from "@/lib/auth/session";
import { oauthProviderIds } from "@/lib/auth/options";
import { safeReturnPath } from "@/lib/safe-return-path";

export const metadata: Metadata = { title: "Sign in" };

const OAUTH_ERRORS: Record<string, string> = {
  OAuthEmailNotVerified: "That provider has not verified your email address. Verify it there, or sign in with your password.",
  OAuthAccountNotLinked: "This email belongs to an account with a password. Sign in with your password.",
};

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  const { callbackUrl, error } = await searchParams;
  const returnTo = safeReturnPath(callbackUrl);
  if (await getSessionUser()) redirect(returnTo);
  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center px-4">
      <h1 className="mb-1 text-2xl font-semibold">Sign in to Bobbin</h1>
      <p className="mb-6 text-sm text-slate-600 dark:text-slate-400">Manage your account&apos;s pipelines and API access keys.</p>
      {error && OAUTH_ERRORS[error] && <p role="alert" className="mb-4 rounded-md bg-red-50 dark:bg-red-950 px-3 py-2 text-sm text-red-800 dark:text-red-300">{OAUTH_ERRORS[error]}</p>}
      <LoginForm callbackUrl={returnTo} oauthProviders={oauthProviderIds()} />
    </main>
  );
}

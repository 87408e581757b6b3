import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { getSessionUser } from "@/lib/auth/session";
import { oauthProviderIds } from "@/lib/auth/options";
import { safeReturnPath } from "@/lib/safe-return-path";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  const returnTo = safeReturnPath(callbackUrl);
  if (await getSessionUser()) redirect(returnTo);
  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center px-4">
      <h1 className="mb-1 text-2xl font-semibold">Sign in to Bobbin</h1>
      <p className="mb-6 text-sm text-slate-600">Manage your account&apos;s pipelines and API access keys.</p>
      <LoginForm callbackUrl={returnTo} oauthProviders={oauthProviderIds()} />
    </main>
  );
}

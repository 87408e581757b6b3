"use client";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { Button } from "@/components/ui/button";

const NAMES = { github: "GitHub", google: "Google" } as const;

export function LoginForm({ callbackUrl, oauthProviders }: { callbackUrl: string; oauthProviders: ("github" | "google")[] }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    }).catch(() => null);
    if (result?.ok && !result.error) {
      window.location.assign(callbackUrl);
      return;
    }
    setPending(false);
    const locked = /^TooManyAttempts:(\d+)$/.exec(result?.error ?? "");
    const minutes = locked ? Math.max(1, Math.ceil(Number(locked[1]) / 60)) : 0;
    setError(
      !result ? "Could not reach the server. Check your connection and try again."
        : locked ? `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`
        : "Incorrect email or password.",
    );
  }

  return (
    <div className="space-y-6">
      <form onSubmit={onSubmit} className="space-y-4" noValidate>
        <div>
          <label htmlFor="email" className="block text-sm font-medium">Email</label>
          <input id="email" name="email" type="email" autoComplete="username" required
            className="mt-1 w-full rounded-md border border-slate-300 dark:border-slate-600 bg-white dark:bg-slate-900 px-3 py-2" />
        </div>
        <div>
          <label htmlFor="password" className="block text-sm font-medium">Password</label>
          <input id="password" name="password" type="password" autoComplete="current-password" required
            className="mt-1 w-full rounded-md border border-slate-300 dark:border-slate-600 bg-white dark:bg-slate-900 px-3 py-2" />
        </div>
        {error && (
          <p role="alert" className="rounded-md bg-red-50 dark:bg-red-950 px-3 py-2 text-sm text-red-800 dark:text-red-300">{error}</p>
        )}
        <Button type="submit" disabled={pending} className="w-full">{pending ? "Signing in…" : "Sign in"}</Button>
      </form>
      {oauthProviders.length > 0 && (
        <div className="space-y-2 border-t border-slate-200 dark:border-slate-700 pt-4">
          {oauthProviders.map((id) => (
            <Button key={id} variant="secondary" className="w-full" onClick={() => signIn(id, { callbackUrl })}>
              Continue with {NAMES[id]}
            </Button>
          ))}
        </div>
      )}
    </div>
  );
}

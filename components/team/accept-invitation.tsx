"use client";
// Accept an invitation: one click for a signed-in user, or a password form for a new person (then signed in).
import { signIn } from "next-auth/react";
import { useState, useTransition } from "react";
import { joinAsSignedInAction, joinWithPasswordAction } from "@/app/invite/[token]/actions";
import { Button } from "@/components/ui/button";
import { accountPath } from "@/lib/console-paths";

const accountPage = (slug: string) => accountPath(slug, "/settings/account");

type Props = { token: string; mode: "join" | "create"; email: string };

export function AcceptInvitation({ token, mode, email }: Props) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[] | undefined>>({});

  function join() {
    startTransition(async () => {
      const result = await joinAsSignedInAction(token).catch(() => null);
      // A full navigation, so the account's pages load with the fresh membership.
      if (result?.ok) window.location.assign(accountPage(result.data.accountSlug));
      else setError(result ? result.error : "The server did not answer. Try again.");
    });
  }

  function create(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setError(null);
    setFieldErrors({});
    startTransition(async () => {
      const result = await joinWithPasswordAction(form).catch(() => null);
      if (!result) return setError("The server did not answer. Try again.");
      if (!result.ok) {
        setFieldErrors(result.fieldErrors ?? {});
        return setError(result.error);
      }
      const signedIn = await signIn("credentials", { email, password: String(form.get("password")), redirect: false });
      window.location.assign(signedIn?.ok ? accountPage(result.data.accountSlug) : "/login");
    });
  }

  if (mode === "join") {
    return (
      <div className="space-y-3">
        {error && <p role="alert" className="rounded-md bg-red-50 dark:bg-red-950 px-3 py-2 text-sm text-red-900 dark:text-red-300">{error}</p>}
        <Button onClick={join} disabled={pending}>{pending ? "Joining…" : "Accept invitation"}</Button>
      </div>
    );
  }

  const fieldError = (name: string) =>
    fieldErrors[name]?.[0] && <p id={`${name}-error`} className="mt-1 text-sm font-medium text-red-700 dark:text-red-400">{fieldErrors[name]![0]}</p>;
  const input = "mt-1 w-full rounded-md border border-slate-300 dark:border-slate-600 px-3 py-2";
  return (
    <form onSubmit={create} noValidate className="space-y-4">
      <input type="hidden" name="token" value={token} />
      <div>
        <label htmlFor="join-name" className="block text-sm font-medium">Your name</label>
        <input id="join-name" name="name" autoComplete="name" className={input} />
      </div>
      <div>
        <label htmlFor="join-password" className="block text-sm font-medium">Choose a password</label>
        <input id="join-password" name="password" type="password" autoComplete="new-password" required
          aria-invalid={fieldErrors.password ? true : undefined} aria-describedby="password-hint" className={input} />
        <p id="password-hint" className="mt-1 text-xs text-slate-600 dark:text-slate-400">At least 10 characters.</p>
        {fieldError("password")}
      </div>
      <div>
        <label htmlFor="join-confirm" className="block text-sm font-medium">Repeat the password</label>
        <input id="join-confirm" name="confirm" type="password" autoComplete="new-password" required
          aria-invalid={fieldErrors.confirm ? true : undefined} className={input} />
        {fieldError("confirm")}
      </div>
      {error && <p role="alert" className="rounded-md bg-red-50 dark:bg-red-950 px-3 py-2 text-sm text-red-900 dark:text-red-300">{error}</p>}
      <Button type="submit" disabled={pending}>{pending ? "Joining…" : "Create account and join"}</Button>
    </form>
  );
}

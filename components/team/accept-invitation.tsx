"use client";
// Accept an invitation: one click for a signed-in user, or a password form for a new person (then signed in).
import { signIn } from "next-auth/react";
import { joinAsSignedInAction, joinWithPasswordAction } from "@/app/invite/[token]/actions";
import { ErrorAlert, FieldError } from "@/components/forms/feedback";
import { useFormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { accountPath } from "@/lib/console-paths";

const accountPage = (slug: string) => accountPath(slug, "/settings/account");

type Props = { token: string; mode: "join" | "create"; email: string };

export function AcceptInvitation({ token, mode, email }: Props) {
  // A full navigation, so the account's pages load with the fresh membership.
  const join = useFormAction(joinAsSignedInAction, { fields: { token }, then: (result) => result.ok && window.location.assign(accountPage(result.data.accountSlug)) });
  const create = useFormAction(joinWithPasswordAction, {
    then: async (result, form) => {
      if (!result.ok) return;
      const signedIn = await signIn("credentials", { email, password: String(form.get("password")), redirect: false });
      window.location.assign(signedIn?.ok ? accountPage(result.data.accountSlug) : "/login");
    },
  });

  if (mode === "join") {
    return (
      <div className="space-y-3">
        <ErrorAlert message={join.error} />
        <Button onClick={() => join.submit()} disabled={join.pending}>{join.pending ? "Joining…" : "Accept invitation"}</Button>
      </div>
    );
  }

  const { pending, fieldError } = create;
  const input = "mt-1 w-full rounded-md border border-slate-300 dark:border-slate-600 px-3 py-2";
  return (
    <form onSubmit={create.onSubmit} noValidate className="space-y-4">
      <input type="hidden" name="token" value={token} />
      <div>
        <label htmlFor="join-name" className="block text-sm font-medium">Your name</label>
        <input id="join-name" name="name" autoComplete="name" className={input} />
      </div>
      <div>
        <label htmlFor="join-password" className="block text-sm font-medium">Choose a password</label>
        <input id="join-password" name="password" type="password" autoComplete="new-password" required
          aria-invalid={fieldError("password") ? true : undefined} aria-describedby="password-hint" className={input} />
        <p id="password-hint" className="mt-1 text-xs text-slate-600 dark:text-slate-400">At least 10 characters.</p>
        <FieldError id="password-error" message={fieldError("password")} />
      </div>
      <div>
        <label htmlFor="join-confirm" className="block text-sm font-medium">Repeat the password</label>
        <input id="join-confirm" name="confirm" type="password" autoComplete="new-password" required
          aria-invalid={fieldError("confirm") ? true : undefined} className={input} />
        <FieldError id="confirm-error" message={fieldError("confirm")} />
      </div>
      <ErrorAlert message={create.error} />
      <Button type="submit" disabled={pending}>{pending ? "Joining…" : "Create account and join"}</Button>
    </form>
  );
}

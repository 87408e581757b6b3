"use client";
// Accept an invitation: one click for a signed-in user, or a password form for a new person (then signed in).
import { signIn } from "next-auth/react";
import { joinAsSignedInAction, joinWithPasswordAction } from "@/app/invite/[token]/actions";
import { useFormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";

const accountPage = (slug: string) => `/settings/account?account=${encodeURIComponent(slug)}`;

type Props = { token: string; mode: "join" | "create"; email: string };

export function AcceptInvitation({ token, mode, email }: Props) {
  // A full navigation after joining, so the account's pages load with the fresh membership.
  const joinAction = useFormAction(() => joinAsSignedInAction(token), { onSuccess: ({ accountSlug }) => window.location.assign(accountPage(accountSlug)) });
  const createAction = useFormAction(joinWithPasswordAction, {
    onSuccess: async ({ accountSlug }, form) => {
      const signedIn = await signIn("credentials", { email, password: String(form.get("password")), redirect: false });
      window.location.assign(signedIn?.ok ? accountPage(accountSlug) : "/login");
    },
  });
  const { pending, error } = mode === "join" ? joinAction : createAction;
  const join = () => joinAction.run(new FormData());

  function create(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    createAction.run(new FormData(event.currentTarget));
  }

  if (mode === "join") {
    return (
      <div className="space-y-3">
        {error && <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-900">{error}</p>}
        <Button onClick={join} disabled={pending}>{pending ? "Joining…" : "Accept invitation"}</Button>
      </div>
    );
  }

  const fieldError = (name: string) =>
    createAction.fieldError(name) && <p id={`${name}-error`} className="mt-1 text-sm font-medium text-red-700">{createAction.fieldError(name)}</p>;
  const input = "mt-1 w-full rounded-md border border-slate-300 px-3 py-2";
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
          aria-invalid={createAction.fieldError("password") ? true : undefined} aria-describedby="password-hint" className={input} />
        <p id="password-hint" className="mt-1 text-xs text-slate-600">At least 10 characters.</p>
        {fieldError("password")}
      </div>
      <div>
        <label htmlFor="join-confirm" className="block text-sm font-medium">Repeat the password</label>
        <input id="join-confirm" name="confirm" type="password" autoComplete="new-password" required
          aria-invalid={createAction.fieldError("confirm") ? true : undefined} className={input} />
        {fieldError("confirm")}
      </div>
      {error && <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-900">{error}</p>}
      <Button type="submit" disabled={pending}>{pending ? "Joining…" : "Create account and join"}</Button>
    </form>
  );
}

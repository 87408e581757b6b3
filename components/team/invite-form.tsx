"use client";
// Invite by email (owners): the single-use link appears here to copy.
import { useId, useState, useTransition } from "react";
import { inviteMemberAction } from "@/app/(app)/[account]/settings/team/actions";
import { Button } from "@/components/ui/button";

export function InviteForm({ accountId }: { accountId: number }) {
  const [pending, startTransition] = useTransition();
  const [link, setLink] = useState<{ url: string; emailed: boolean } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const errorId = useId();

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const target = event.currentTarget;
    setError(null);
    setFieldError(null);
    setLink(null);
    setCopied(false);
    startTransition(async () => {
      const result = await inviteMemberAction(form).catch(() => null);
      if (!result) setError("The server did not answer. Try again.");
      else if (result.ok) {
        // A bare path (no public URL configured) is shown under the address this browser is on.
        const url = result.data.link.startsWith("/") ? `${window.location.origin}${result.data.link}` : result.data.link;
        setLink({ url, emailed: result.data.emailed });
        target.reset();
      } else if (result.fieldErrors?.email) setFieldError(result.fieldErrors.email[0]);
      else setError(result.error);
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3 rounded-lg border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 p-4">
      <h3 className="font-semibold">Invite a team member</h3>
      <input type="hidden" name="accountId" value={accountId} />
      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-0 grow basis-48">
          <label htmlFor="invite-email" className="block text-sm font-medium">Email</label>
          <input id="invite-email" name="email" type="email" required autoComplete="off"
            aria-invalid={fieldError ? true : undefined} aria-describedby={fieldError ? errorId : undefined}
            className="mt-1 w-full rounded-md border border-slate-300 dark:border-slate-600 px-3 py-2" />
        </div>
        <div>
          <label htmlFor="invite-role" className="block text-sm font-medium">Role</label>
          <select id="invite-role" name="role" defaultValue="member" className="mt-1 rounded-md border border-slate-300 dark:border-slate-600 bg-white dark:bg-slate-900 px-3 py-2">
            <option value="member">Member</option>
            <option value="owner">Owner</option>
          </select>
        </div>
        <Button type="submit" disabled={pending}>{pending ? "Inviting…" : "Create invitation"}</Button>
      </div>
      {fieldError && <p id={errorId} className="text-sm font-medium text-red-700 dark:text-red-400">{fieldError}</p>}
      {error && <p role="alert" className="rounded-md bg-red-50 dark:bg-red-950 px-3 py-2 text-sm text-red-900 dark:text-red-300">{error}</p>}
      {link && (
        <div className="space-y-1">
          <label htmlFor="invite-link" className="block text-sm font-medium">Invitation link (works once, expires in 7 days)</label>
          <div className="flex flex-wrap gap-2">
            <input id="invite-link" readOnly value={link.url} onFocus={(e) => e.currentTarget.select()}
              className="w-full min-w-0 flex-1 basis-48 rounded-md border border-slate-300 dark:border-slate-600 bg-slate-50 dark:bg-slate-800 px-3 py-2 font-mono text-xs" />
            <Button variant="secondary" onClick={() => navigator.clipboard.writeText(link.url).then(() => setCopied(true), () => setCopied(false))}>Copy link</Button>
          </div>
          <p role="status" className="text-sm text-slate-700 dark:text-slate-300">
            {copied ? "Copied to the clipboard. " : ""}{link.emailed ? "The link was also e-mailed." : "Send it to the person you invite."}
          </p>
        </div>
      )}
    </form>
  );
}

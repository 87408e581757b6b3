"use client";
// Invite by email (owners): the single-use link appears here to copy.
import { useId, useRef, useState } from "react";
import { inviteMemberAction } from "@/app/(app)/[account]/settings/team/actions";
import { ErrorAlert, FieldError } from "@/components/forms/feedback";
import { useFormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";

export function InviteForm({ accountId }: { accountId: number }) {
  const element = useRef<HTMLFormElement>(null);
  const [copied, setCopied] = useState(false);
  const invite = useFormAction(inviteMemberAction, { then: (result) => result.ok && element.current?.reset() });
  const { pending } = invite;
  const fieldError = invite.fieldError("email");
  // A bare path (no public URL configured) is shown under the address this browser is on.
  const link = invite.data && { url: invite.data.link.startsWith("/") ? `${window.location.origin}${invite.data.link}` : invite.data.link, emailed: invite.data.emailed };
  const errorId = useId();

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    setCopied(false);
    invite.onSubmit(event);
  }

  return (
    <form ref={element} onSubmit={onSubmit} noValidate className="space-y-3 rounded-lg border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 p-4">
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
      <FieldError id={errorId} message={fieldError} />
      <ErrorAlert message={invite.error} />
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

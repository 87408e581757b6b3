"use client";
// Invite by email (owners): the single-use link appears here to copy.
import { useId, useRef, useState } from "react";
import { inviteMemberAction } from "@/app/(app)/settings/team/actions";
import { useFormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";

export function InviteForm({ accountId }: { accountId: number }) {
  const element = useRef<HTMLFormElement>(null);
  const invite = useFormAction(inviteMemberAction, { onSuccess: () => element.current?.reset() });
  const { pending } = invite;
  const link = invite.result?.ok ? { url: invite.result.data.link, emailed: invite.result.data.emailed } : null;
  const fieldError = invite.fieldError("email");
  const error = fieldError ? null : invite.error;
  const [copied, setCopied] = useState(false);
  const errorId = useId();

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setCopied(false);
    invite.run(new FormData(event.currentTarget));
  }

  return (
    <form ref={element} onSubmit={onSubmit} noValidate className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h3 className="font-semibold">Invite a team member</h3>
      <input type="hidden" name="accountId" value={accountId} />
      <div className="flex flex-wrap items-end gap-3">
        <div className="grow">
          <label htmlFor="invite-email" className="block text-sm font-medium">Email</label>
          <input id="invite-email" name="email" type="email" required autoComplete="off"
            aria-invalid={fieldError ? true : undefined} aria-describedby={fieldError ? errorId : undefined}
            className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2" />
        </div>
        <div>
          <label htmlFor="invite-role" className="block text-sm font-medium">Role</label>
          <select id="invite-role" name="role" defaultValue="member" className="mt-1 rounded-md border border-slate-300 bg-white px-3 py-2">
            <option value="member">Member</option>
            <option value="owner">Owner</option>
          </select>
        </div>
        <Button type="submit" disabled={pending}>{pending ? "Inviting…" : "Create invitation"}</Button>
      </div>
      {fieldError && <p id={errorId} className="text-sm font-medium text-red-700">{fieldError}</p>}
      {error && <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-900">{error}</p>}
      {link && (
        <div className="space-y-1">
          <label htmlFor="invite-link" className="block text-sm font-medium">Invitation link (works once, expires in 7 days)</label>
          <div className="flex gap-2">
            <input id="invite-link" readOnly value={link.url} onFocus={(e) => e.currentTarget.select()}
              className="w-full rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-xs" />
            <Button variant="secondary" onClick={() => navigator.clipboard.writeText(link.url).then(() => setCopied(true), () => setCopied(false))}>Copy link</Button>
          </div>
          <p role="status" className="text-sm text-slate-700">
            {copied ? "Copied to the clipboard. " : ""}{link.emailed ? "The link was also e-mailed." : "Send it to the person you invite."}
          </p>
        </div>
      )}
    </form>
  );
}

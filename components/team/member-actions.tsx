"use client";
// Owner controls on one member: change the role, remove (after a confirmation).
import { useRef, useState } from "react";
import { changeRoleAction, removeMemberAction } from "@/app/(app)/[account]/settings/team/actions";
import { useFormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { DialogContent, DialogRoot } from "@/components/ui/dialog";
import { useFeedback } from "@/components/ui/feedback";

type Props = { accountId: number; userId: string; email: string; role: string };

export function MemberActions({ accountId, userId, email, role }: Props) {
  const [confirming, setConfirming] = useState(false);
  const removeButton = useRef<HTMLButtonElement>(null);
  const notify = useFeedback();

  const remove = useFormAction(removeMemberAction, {
    fields: { accountId, userId },
    then: (result) => {
      setConfirming(false);
      if (!result.ok) return notify({ kind: "error", text: result.error });
      const keys = result.data.disabledKeys;
      notify({ kind: "success", text: `${email} was removed.${keys ? ` ${keys} of their keys ${keys === 1 ? "was" : "were"} disabled.` : ""}` });
    },
  });
  const { pending } = remove;

  function onRole(event: React.ChangeEvent<HTMLSelectElement>) {
    const next = event.currentTarget.value;
    const select = event.currentTarget;
    remove.submit({ role: next }, {
      action: changeRoleAction,
      then: (result) => {
        if (result.ok) return notify({ kind: "success", text: `${email} is now ${next === "owner" ? "an owner" : "a member"}.` });
        select.value = role;
        notify({ kind: "error", text: result.error });
      },
    });
  }

  return (
    <div className="flex flex-wrap items-center justify-start gap-2 sm:justify-end">
      <label className="sr-only" htmlFor={`role-${userId}`}>Role of {email}</label>
      <select id={`role-${userId}`} defaultValue={role} onChange={onRole} disabled={pending}
        className="rounded-md border border-slate-300 dark:border-slate-600 bg-white dark:bg-slate-900 px-2 py-1 text-sm">
        <option value="member">Member</option>
        <option value="owner">Owner</option>
      </select>
      <Button ref={removeButton} variant="secondary" disabled={pending} onClick={() => setConfirming(true)} aria-label={`Remove ${email}`}>
        Remove
      </Button>
      <DialogRoot open={confirming} onOpenChange={(open) => !pending && setConfirming(open)}>
        <DialogContent title={`Remove ${email}?`} locked={pending}
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            (removeButton.current?.isConnected ? removeButton.current : document.getElementById("team-heading"))?.focus();
          }}
          description="They lose access to this account at once, and every API key they created is disabled.">
          <div className="flex flex-wrap justify-end gap-2">
            <Button variant="secondary" onClick={() => setConfirming(false)} disabled={pending}>Cancel</Button>
            <Button variant="danger" onClick={() => remove.submit()} disabled={pending}>{pending ? "Removing…" : "Remove member"}</Button>
          </div>
        </DialogContent>
      </DialogRoot>
    </div>
  );
}

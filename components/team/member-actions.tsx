"use client";
// Owner controls on one member: change the role, remove (after a confirmation).
import { useRef, useState } from "react";
import { changeRoleAction, removeMemberAction } from "@/app/(app)/settings/team/actions";
import { formOf, useFormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { DialogContent, DialogRoot } from "@/components/ui/dialog";
import { useFeedback } from "@/components/ui/feedback";

type Props = { accountId: number; userId: string; email: string; role: string };

export function MemberActions({ accountId, userId, email, role }: Props) {
  const [confirming, setConfirming] = useState(false);
  const removeButton = useRef<HTMLButtonElement>(null);
  const select = useRef<HTMLSelectElement>(null);
  const notify = useFeedback();
  const fail = (text: string) => notify({ kind: "error", text });

  const changeRole = useFormAction(changeRoleAction, {
    onSuccess: ({ role: next }) => notify({ kind: "success", text: `${email} is now ${next === "owner" ? "an owner" : "a member"}.` }),
    onFailure: (text) => {
      if (select.current) select.current.value = role;
      fail(text);
    },
  });

  const removal = useFormAction(removeMemberAction, {
    onSuccess: ({ disabledKeys: keys }) => {
      setConfirming(false);
      notify({ kind: "success", text: `${email} was removed.${keys ? ` ${keys} of their keys ${keys === 1 ? "was" : "were"} disabled.` : ""}` });
    },
    onFailure: (text) => {
      setConfirming(false);
      fail(text);
    },
  });
  const pending = changeRole.pending || removal.pending;

  const onRole = (event: React.ChangeEvent<HTMLSelectElement>) => changeRole.run(formOf({ accountId, userId, role: event.currentTarget.value }));
  const remove = () => removal.run(formOf({ accountId, userId }));

  return (
    <div className="flex items-center justify-end gap-2">
      <label className="sr-only" htmlFor={`role-${userId}`}>Role of {email}</label>
      <select ref={select} id={`role-${userId}`} defaultValue={role} onChange={onRole} disabled={pending}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm">
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
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setConfirming(false)} disabled={pending}>Cancel</Button>
            <Button variant="danger" onClick={remove} disabled={pending}>{pending ? "Removing…" : "Remove member"}</Button>
          </div>
        </DialogContent>
      </DialogRoot>
    </div>
  );
}

"use client";
// "Edit this key": description, expiry (earlier only), access and allow-list.
import { useState, useTransition } from "react";
import { editApiKeyAction } from "@/app/(app)/[account]/settings/account/actions";
import { Button } from "@/components/ui/button";
import { DialogContent, DialogRoot } from "@/components/ui/dialog";
import { useFeedback } from "@/components/ui/feedback";
import { KeySettingsFields, settingsErrorsOf, type SettingsErrors } from "./key-settings-fields";

type Props = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  accountId: number;
  keyId: number;
  last4: string;
  description: string;
  expiresAt: Date | null;
  access: "full" | "read";
  allowedCidrs: string[];
};

export function EditKeyDialog({ open, onOpenChange, accountId, keyId, last4, description, expiresAt, access, allowedCidrs }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [descriptionError, setDescriptionError] = useState<string | null>(null);
  const [settingsErrors, setSettingsErrors] = useState<SettingsErrors>({});
  const [pending, startTransition] = useTransition();
  const notify = useFeedback();

  function change(next: boolean) {
    if (pending) return;
    onOpenChange(next);
    if (!next) {
      setError(null);
      setDescriptionError(null);
      setSettingsErrors({});
    }
  }

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setError(null);
    setDescriptionError(null);
    setSettingsErrors({});
    startTransition(async () => {
      const result = await editApiKeyAction(form).catch(() => null);
      if (!result) setError("The key could not be saved: the server did not answer. Try again.");
      else if (result.ok) {
        notify({ kind: "success", text: `Key ending ${last4} is saved.` });
        onOpenChange(false);
      } else if (result.fieldErrors?.description) setDescriptionError(result.fieldErrors.description[0]);
      else if (result.fieldErrors && Object.values(settingsErrorsOf(result.fieldErrors)).some(Boolean)) setSettingsErrors(settingsErrorsOf(result.fieldErrors));
      else setError(result.error);
    });
  }

  return (
    <DialogRoot open={open} onOpenChange={change}>
      <DialogContent title="Edit this key" description={<>Key ending <strong className="font-mono">{last4}</strong>. Changes apply from the next request.</>} locked={pending}>
        <form onSubmit={onSubmit} noValidate className="space-y-4">
          <input type="hidden" name="accountId" value={accountId} />
          <input type="hidden" name="keyId" value={keyId} />
          <div>
            <label htmlFor={`edit-description-${keyId}`} className="block text-sm font-medium">Key Description</label>
            <input id={`edit-description-${keyId}`} name="description" required maxLength={200} autoComplete="off" defaultValue={description}
              aria-invalid={descriptionError ? true : undefined} aria-describedby={descriptionError ? `edit-description-error-${keyId}` : undefined}
              className="mt-1 w-full rounded-md border border-slate-300 dark:border-slate-600 px-3 py-2 aria-[invalid]:border-red-600" />
            {descriptionError && <p id={`edit-description-error-${keyId}`} className="mt-1 text-sm font-medium text-red-700 dark:text-red-400">{descriptionError}</p>}
          </div>
          <KeySettingsFields current={{ expiresAt, access, allowedCidrs }} errors={settingsErrors} />
          {error && <p role="alert" className="rounded-md bg-red-50 dark:bg-red-950 px-3 py-2 text-sm text-red-900 dark:text-red-300">{error}</p>}
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => change(false)} disabled={pending}>Cancel</Button>
            <Button type="submit" disabled={pending}>{pending ? "Saving…" : "Save Changes"}</Button>
          </div>
        </form>
      </DialogContent>
    </DialogRoot>
  );
}

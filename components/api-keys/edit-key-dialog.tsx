"use client";
// "Edit this key": description, expiry (earlier only), access and allow-list.
import { editApiKeyAction } from "@/app/(app)/[account]/settings/account/actions";
import { ErrorAlert, FieldError } from "@/components/forms/feedback";
import { useFormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { DialogContent, DialogRoot } from "@/components/ui/dialog";
import { useFeedback } from "@/components/ui/feedback";
import { KeySettingsFields } from "./key-settings-fields";

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
  const notify = useFeedback();
  const edit = useFormAction(editApiKeyAction, {
    failed: "The key could not be saved",
    then: (result) => {
      if (!result.ok) return;
      notify({ kind: "success", text: `Key ending ${last4} is saved.` });
      onOpenChange(false);
    },
  });
  const { pending } = edit;
  const descriptionError = edit.fieldError("description");

  function change(next: boolean) {
    if (pending) return;
    onOpenChange(next);
    if (!next) edit.reset();
  }

  return (
    <DialogRoot open={open} onOpenChange={change}>
      <DialogContent title="Edit this key" description={<>Key ending <strong className="font-mono">{last4}</strong>. Changes apply from the next request.</>} locked={pending}>
        <form onSubmit={edit.onSubmit} noValidate className="space-y-4">
          <input type="hidden" name="accountId" value={accountId} />
          <input type="hidden" name="keyId" value={keyId} />
          <div>
            <label htmlFor={`edit-description-${keyId}`} className="block text-sm font-medium">Key Description</label>
            <input id={`edit-description-${keyId}`} name="description" required maxLength={200} autoComplete="off" defaultValue={description}
              aria-invalid={descriptionError ? true : undefined} aria-describedby={descriptionError ? `edit-description-error-${keyId}` : undefined}
              className="mt-1 w-full rounded-md border border-slate-300 dark:border-slate-600 px-3 py-2 aria-[invalid]:border-red-600" />
            <FieldError id={`edit-description-error-${keyId}`} message={descriptionError} />
          </div>
          <KeySettingsFields current={{ expiresAt, access, allowedCidrs }} fieldError={edit.fieldError} />
          <ErrorAlert message={edit.error} />
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => change(false)} disabled={pending}>Cancel</Button>
            <Button type="submit" disabled={pending}>{pending ? "Saving…" : "Save Changes"}</Button>
          </div>
        </form>
      </DialogContent>
    </DialogRoot>
  );
}

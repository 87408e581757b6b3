"use client";
// "Generate a Key": configure (description) → the key, shown once → "Close and Continue" forgets it.
import { useId, useState } from "react";
import { generateApiKeyAction } from "@/app/(app)/[account]/settings/account/actions";
import { ErrorAlert, FieldError } from "@/components/forms/feedback";
import { Button } from "@/components/ui/button";
import { DialogContent, DialogRoot, DialogTrigger } from "@/components/ui/dialog";
import { KeySettingsFields } from "./key-settings-fields";
import { RevealKey, useKeyDialog } from "./reveal-key";

const HINT = "Required. 1–100 characters, no control characters (such as line breaks).";

export function GenerateKeyDialog({ accountId, disabled }: { accountId: number; disabled: boolean }) {
  const [open, setOpen] = useState(false);
  const { make: generate, plaintext, change: onOpenChange } = useKeyDialog(generateApiKeyAction, "The key could not be generated", setOpen);
  const { pending } = generate;
  const fieldError = generate.fieldError("description");
  const hintId = useId();
  const errorId = useId();

  return (
    <DialogRoot open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button disabled={disabled}>Generate a Key</Button>
      </DialogTrigger>
      {plaintext ? (
        <DialogContent title="Your new API access key" description="Copy the key now. It will not be shown again.">
          <RevealKey plaintext={plaintext} onDone={() => onOpenChange(false)} />
        </DialogContent>
      ) : (
        <DialogContent title="Configure Your API Access Key" description="Describe what the key will be used for, so your team can recognize it." locked={pending}>
          <form onSubmit={generate.onSubmit} noValidate className="space-y-4">
            <input type="hidden" name="accountId" value={accountId} />
            <div>
              <label htmlFor="key-description" className="block text-sm font-medium">Key Description</label>
              <input
                id="key-description"
                name="description"
                required
                maxLength={200}
                autoComplete="off"
                placeholder="Used to create and configure Salesforce integrations"
                aria-describedby={fieldError ? `${errorId} ${hintId}` : hintId}
                aria-invalid={fieldError ? true : undefined}
                className="mt-1 w-full rounded-md border border-slate-300 dark:border-slate-600 px-3 py-2 aria-[invalid]:border-red-600 dark:aria-[invalid]:border-red-500"
              />
              <FieldError id={errorId} message={fieldError} />
              <p id={hintId} className="mt-1 text-xs text-slate-600 dark:text-slate-400">{HINT}</p>
            </div>
            <KeySettingsFields fieldError={generate.fieldError} />
            <ErrorAlert message={generate.error} />
            <div className="flex flex-wrap justify-end gap-2">
              <Button variant="secondary" onClick={() => onOpenChange(false)} disabled={pending}>Cancel</Button>
              <Button type="submit" disabled={pending}>{pending ? "Generating…" : "Save and Generate Key"}</Button>
            </div>
          </form>
        </DialogContent>
      )}
    </DialogRoot>
  );
}

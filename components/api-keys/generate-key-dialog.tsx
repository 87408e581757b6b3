"use client";
// "Generate a Key": configure (description) → the key, shown once → "Close and Continue" forgets it.
import { useId, useState, useTransition } from "react";
import { generateApiKeyAction } from "@/app/(app)/[account]/settings/account/actions";
import { Button } from "@/components/ui/button";
import { DialogContent, DialogRoot, DialogTrigger } from "@/components/ui/dialog";
import { KeySettingsFields, settingsErrorsOf, type SettingsErrors } from "./key-settings-fields";
import { RevealKey } from "./reveal-key";

const HINT = "Required. 1–100 characters, no control characters (such as line breaks).";

export function GenerateKeyDialog({ accountId, disabled }: { accountId: number; disabled: boolean }) {
  const [open, setOpen] = useState(false);
  const [plaintext, setPlaintext] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [settingsErrors, setSettingsErrors] = useState<SettingsErrors>({});
  const [pending, startTransition] = useTransition();
  const hintId = useId();
  const errorId = useId();

  function onOpenChange(next: boolean) {
    // Block closing only while the key is being made; once shown, it may always be dismissed
    // (the transition stays pending until the revalidated page arrives).
    // Opening is never blocked: the last key's transition may still be waiting for the revalidated page.
    if (!next && pending && !plaintext) return;
    setOpen(next);
    if (!next) {
      // The key lives only in this dialog's state; closing drops it.
      setPlaintext(null);
      setError(null);
      setFieldError(null);
      setSettingsErrors({});
    }
  }

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setError(null);
    setFieldError(null);
    setSettingsErrors({});
    startTransition(async () => {
      const result = await generateApiKeyAction(form).catch(() => null);
      if (!result) setError("The key could not be generated: the server did not answer. Try again.");
      else if (result.ok) setPlaintext(result.data.plaintext);
      else if (result.fieldErrors?.description) setFieldError(result.fieldErrors.description[0]);
      else if (result.fieldErrors) setSettingsErrors(settingsErrorsOf(result.fieldErrors));
      else setError(result.error);
    });
  }

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
          <form onSubmit={onSubmit} noValidate className="space-y-4">
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
              {fieldError && <p id={errorId} className="mt-1 text-sm font-medium text-red-700 dark:text-red-400">{fieldError}</p>}
              <p id={hintId} className="mt-1 text-xs text-slate-600 dark:text-slate-400">{HINT}</p>
            </div>
            <KeySettingsFields errors={settingsErrors} />
            {error && <p role="alert" className="rounded-md bg-red-50 dark:bg-red-950 px-3 py-2 text-sm text-red-900 dark:text-red-300">{error}</p>}
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

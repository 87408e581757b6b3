"use client";
// "Roll this key": choose how long the old key keeps working, then the new key is shown once (the same reveal).
import { rollApiKeyAction } from "@/app/(app)/[account]/settings/account/actions";
import { ErrorAlert } from "@/components/forms/feedback";
import { Button } from "@/components/ui/button";
import { DialogContent, DialogRoot } from "@/components/ui/dialog";
import { RevealKey, useKeyDialog } from "./reveal-key";

const OVERLAPS = [
  ["now", "Now (the old key stops at once)"],
  ["1h", "In 1 hour"],
  ["24h", "In 24 hours"],
  ["7d", "In 7 days"],
] as const;

type Props = { open: boolean; onOpenChange: (open: boolean) => void; accountId: number; keyId: number; last4: string; description: string };

export function RollKeyDialog({ open, onOpenChange, accountId, keyId, last4, description }: Props) {
  const { make: roll, plaintext, change } = useKeyDialog(rollApiKeyAction, "The key could not be rolled", onOpenChange);
  const { pending } = roll;

  return (
    <DialogRoot open={open} onOpenChange={change}>
      {plaintext ? (
        <DialogContent title="Your new API access key" description="Copy the key now. It will not be shown again.">
          <RevealKey plaintext={plaintext} onDone={() => change(false)} />
        </DialogContent>
      ) : (
        <DialogContent
          title="Roll this key"
          description={<>A new key with the same description and settings replaces <strong>“{description}”</strong> ending <strong className="font-mono">{last4}</strong>. It takes a slot of its own while the old key still works.</>}
          locked={pending}
        >
          <form onSubmit={roll.onSubmit} className="space-y-4">
            <input type="hidden" name="accountId" value={accountId} />
            <input type="hidden" name="keyId" value={keyId} />
            <fieldset>
              <legend className="text-sm font-medium">The old key expires</legend>
              <div className="mt-1 space-y-1 text-sm">
                {OVERLAPS.map(([value, label]) => (
                  <label key={value} className="flex items-center gap-2">
                    <input type="radio" name="overlap" value={value} defaultChecked={value === "24h"} /> {label}
                  </label>
                ))}
              </div>
            </fieldset>
            <ErrorAlert message={roll.error} />
            <div className="flex justify-end gap-2">
              <Button variant="secondary" onClick={() => change(false)} disabled={pending}>Cancel</Button>
              <Button type="submit" disabled={pending}>{pending ? "Rolling…" : "Roll Key"}</Button>
            </div>
          </form>
        </DialogContent>
      )}
    </DialogRoot>
  );
}

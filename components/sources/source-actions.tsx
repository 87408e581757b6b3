"use client";
// Pause or resume a source, and delete it after a confirmation naming it (a soft delete, like the API's).
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { deleteSourceAction, pauseSourceAction } from "@/app/(app)/sources/actions";
import { formOf, useFormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { DialogContent, DialogRoot } from "@/components/ui/dialog";

type Props = { accountId: number; sourceId: number; displayName: string; state: "active" | "paused" | "deleted" };

export function SourceActions({ accountId, sourceId, displayName, state }: Props) {
  const paused = state === "paused";
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [success, setSuccess] = useState<string | null>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const done = (text: string) => () => {
    setSuccess(text);
    setConfirming(false);
    router.refresh();
  };
  const pause = useFormAction(pauseSourceAction, { onSuccess: done(paused ? "The source is active again." : "The source is paused."), onFailure: () => router.refresh() });
  const removal = useFormAction(deleteSourceAction, { onSuccess: done("The source is deleted."), onFailure: () => router.refresh() });
  const pending = pause.pending || removal.pending;
  const failed = removal.error ?? pause.error;
  const outcome = success ? { ok: true, text: success } : failed ? { ok: false, text: failed } : null;
  const run = (action: typeof pause, fields: Record<string, string> = {}) => {
    setSuccess(null);
    action.run(formOf({ accountId, sourceId, ...fields }));
  };

  return (
    <div className="mb-6">
      <div className="flex flex-wrap items-center gap-2">
        {state !== "deleted" && (
          <>
            <Button variant="secondary" disabled={pending}
              onClick={() => run(pause, { paused: String(!paused) })}>
              {paused ? "Resume this source" : "Pause this source"}
            </Button>
            <Button ref={deleteButton} variant="secondary" className="text-red-700" disabled={pending} onClick={() => { setSuccess(null); removal.reset(); pause.reset(); setConfirming(true); }}>
              Delete this source
            </Button>
          </>
        )}
        <div role="status" aria-live="polite" className="text-sm text-green-800">{outcome?.ok ? outcome.text : ""}</div>
      </div>
      {outcome && !outcome.ok && !confirming && <p role="alert" className="mt-2 rounded-md bg-red-50 px-3 py-2 text-sm text-red-900">{outcome.text}</p>}
      <DialogRoot open={confirming} onOpenChange={(open) => !pending && setConfirming(open)}>
        <DialogContent
          title="Delete this source?"
          description={<>The source <strong>“{displayName}”</strong> stops replicating and can no longer be changed. It stays listed as deleted.</>}
          locked={pending}
          onCloseAutoFocus={(event) => {
            // The delete button is gone once the source is deleted; focus then lands on the page's heading.
            event.preventDefault();
            (deleteButton.current?.isConnected ? deleteButton.current : document.querySelector<HTMLElement>("h1"))?.focus();
          }}
        >
          {outcome && !outcome.ok && <p role="alert" className="mb-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-900">{outcome.text}</p>}
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setConfirming(false)} disabled={pending}>Cancel</Button>
            <Button variant="danger" disabled={pending} onClick={() => run(removal)}>
              {pending ? "Deleting…" : "Delete"}
            </Button>
          </div>
        </DialogContent>
      </DialogRoot>
    </div>
  );
}

"use client";
// Pause or resume a source, and delete it after a confirmation naming it (a soft delete, like the API's).
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { deleteSourceAction, pauseSourceAction } from "@/app/(app)/[account]/sources/actions";
import { ErrorAlert } from "@/components/forms/feedback";
import { useFormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { DialogContent, DialogRoot } from "@/components/ui/dialog";

type Props = { accountId: number; sourceId: number; displayName: string; state: "active" | "paused" | "deleted" };

export function SourceActions({ accountId, sourceId, displayName, state }: Props) {
  const paused = state === "paused";
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const act = useFormAction(pauseSourceAction, {
    fields: { accountId, sourceId },
    then: (result) => {
      if (result.ok) setConfirming(false);
      router.refresh();
    },
  });
  const { pending } = act;
  const pause = () => act.submit({ paused: String(!paused) }, { success: paused ? "The source is active again." : "The source is paused." });
  const remove = () => act.submit({}, { action: deleteSourceAction, success: "The source is deleted." });

  return (
    <div className="mb-6">
      <div className="flex flex-wrap items-center gap-2">
        {state !== "deleted" && (
          <>
            <Button variant="secondary" disabled={pending}
              onClick={pause}>
              {paused ? "Resume this source" : "Pause this source"}
            </Button>
            <Button ref={deleteButton} variant="secondary" className="text-red-700 dark:text-red-400" disabled={pending} onClick={() => { act.reset(); setConfirming(true); }}>
              Delete this source
            </Button>
          </>
        )}
        <div role="status" aria-live="polite" className="text-sm text-green-800 dark:text-green-400">{act.success}</div>
      </div>
      {!confirming && <ErrorAlert message={act.error} className="mt-2" />}
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
          <ErrorAlert message={act.error} className="mb-3" />
          <div className="flex flex-wrap justify-end gap-2">
            <Button variant="secondary" onClick={() => setConfirming(false)} disabled={pending}>Cancel</Button>
            <Button variant="danger" disabled={pending} onClick={remove}>
              {pending ? "Deleting…" : "Delete"}
            </Button>
          </div>
        </DialogContent>
      </DialogRoot>
    </div>
  );
}

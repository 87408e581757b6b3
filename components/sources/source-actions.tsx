"use client";
// Pause or resume a source, and delete it after a confirmation naming it (a soft delete, like the API's).
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { deleteSourceAction, pauseSourceAction } from "@/app/(app)/[account]/sources/actions";
import type { ActionResult } from "@/lib/action-result";
import { Button } from "@/components/ui/button";
import { DialogContent, DialogRoot } from "@/components/ui/dialog";

type Props = { accountId: number; sourceId: number; displayName: string; state: "active" | "paused" | "deleted" };

export function SourceActions({ accountId, sourceId, displayName, state }: Props) {
  const paused = state === "paused";
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [confirming, setConfirming] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);

  function run(action: (f: FormData) => Promise<ActionResult>, fields: Record<string, string>, success: string) {
    const form = new FormData();
    form.set("accountId", String(accountId));
    form.set("sourceId", String(sourceId));
    for (const [k, v] of Object.entries(fields)) form.set(k, v);
    setOutcome(null);
    startTransition(async () => {
      const result = await action(form).catch(() => null);
      setOutcome(result?.ok ? { ok: true, text: success } : { ok: false, text: result ? result.error : "The server did not answer. Try again." });
      if (result?.ok) setConfirming(false);
      router.refresh();
    });
  }

  return (
    <div className="mb-6">
      <div className="flex flex-wrap items-center gap-2">
        {state !== "deleted" && (
          <>
            <Button variant="secondary" disabled={pending}
              onClick={() => run(pauseSourceAction, { paused: String(!paused) }, paused ? "The source is active again." : "The source is paused.")}>
              {paused ? "Resume this source" : "Pause this source"}
            </Button>
            <Button ref={deleteButton} variant="secondary" className="text-red-700 dark:text-red-400" disabled={pending} onClick={() => { setOutcome(null); setConfirming(true); }}>
              Delete this source
            </Button>
          </>
        )}
        <div role="status" aria-live="polite" className="text-sm text-green-800 dark:text-green-400">{outcome?.ok ? outcome.text : ""}</div>
      </div>
      {outcome && !outcome.ok && !confirming && <p role="alert" className="mt-2 rounded-md bg-red-50 dark:bg-red-950 px-3 py-2 text-sm text-red-900 dark:text-red-300">{outcome.text}</p>}
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
          {outcome && !outcome.ok && <p role="alert" className="mb-3 rounded-md bg-red-50 dark:bg-red-950 px-3 py-2 text-sm text-red-900 dark:text-red-300">{outcome.text}</p>}
          <div className="flex flex-wrap justify-end gap-2">
            <Button variant="secondary" onClick={() => setConfirming(false)} disabled={pending}>Cancel</Button>
            <Button variant="danger" disabled={pending} onClick={() => run(deleteSourceAction, {}, "The source is deleted.")}>
              {pending ? "Deleting…" : "Delete"}
            </Button>
          </div>
        </DialogContent>
      </DialogRoot>
    </div>
  );
}

"use client";
// The ⋮ menu of one key: disable or re-enable, and delete after a confirmation naming the key.
import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { useRef, useState } from "react";
import { deleteApiKeyAction, disableApiKeyAction, enableApiKeyAction } from "@/app/(app)/settings/account/actions";
import { formOf, useFormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { DialogContent, DialogRoot } from "@/components/ui/dialog";
import { useFeedback } from "@/components/ui/feedback";

type Props = { accountId: number; keyId: number; last4: string; description: string; status: "enabled" | "disabled" };

const ITEM = "block w-full cursor-pointer rounded px-3 py-2 text-left text-sm outline-none data-[highlighted]:bg-slate-100 data-[disabled]:opacity-50";

export function KeyRowActions({ accountId, keyId, last4, description, status }: Props) {
  const [confirming, setConfirming] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  // Set once the key is deleted: its row (and this trigger) is about to leave the page.
  const deleted = useRef(false);
  const notify = useFeedback();
  const failed = (text: string) => notify({ kind: "error", text });

  const toggleAction = useFormAction(status === "enabled" ? disableApiKeyAction : enableApiKeyAction, {
    onSuccess: () => notify({ kind: "success", text: status === "enabled" ? `Key ending ${last4} is disabled.` : `Key ending ${last4} is enabled again.` }),
    onFailure: failed,
  });
  const removal = useFormAction(deleteApiKeyAction, {
    onSuccess: () => {
      notify({ kind: "success", text: `Key ending ${last4} is deleted.` });
      deleted.current = true;
      setConfirming(false);
    },
    onFailure: failed,
  });
  const pending = toggleAction.pending || removal.pending;
  const dialogError = removal.error;
  const toggle = () => toggleAction.run(formOf({ accountId, keyId }));

  return (
    <>
      <DropdownMenu.Root modal={false}>
        {/* Not disabled while an action runs: a disabled trigger would drop the keyboard focus. The items are. */}
        <DropdownMenu.Trigger ref={trigger} aria-label={`Actions for key ending ${last4}`}
          className="rounded-md px-2 py-1 text-lg leading-none hover:bg-slate-100">
          ⋮
        </DropdownMenu.Trigger>
        {/* Not portalled: the open menu stays inside the page's main landmark. */}
        <DropdownMenu.Content align="end" sideOffset={4} className="z-30 min-w-44 rounded-md border border-slate-200 bg-white p-1 shadow-lg">
          <DropdownMenu.Item className={ITEM} disabled={pending} onSelect={toggle}>
            {status === "enabled" ? "Disable this key" : "Re-enable this key"}
          </DropdownMenu.Item>
          <DropdownMenu.Item className={`${ITEM} text-red-700`} disabled={pending} onSelect={() => { removal.reset(); setConfirming(true); }}>
            Delete this key
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Root>
      <DialogRoot open={confirming} onOpenChange={(open) => !pending && setConfirming(open)}>
        <DialogContent
          title="Delete this key?"
          description={<>The key <strong>“{description}”</strong> ending <strong className="font-mono">{last4}</strong> will stop working at once. This cannot be undone.</>}
          locked={pending}
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            // A deleted key's row is gone or going; focus then lands on the section's heading.
            const back = !deleted.current && trigger.current?.isConnected ? trigger.current : document.getElementById("api-keys-heading");
            back?.focus();
          }}
        >
          {dialogError && <p role="alert" className="mb-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-900">{dialogError}</p>}
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setConfirming(false)} disabled={pending}>Cancel</Button>
            <Button variant="danger" disabled={pending}
              onClick={() => removal.run(formOf({ accountId, keyId }))}>
              {pending ? "Deleting…" : "Delete"}
            </Button>
          </div>
        </DialogContent>
      </DialogRoot>
    </>
  );
}

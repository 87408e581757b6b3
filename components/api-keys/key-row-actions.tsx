"use client";
// The ⋮ menu of one key: disable or re-enable, and delete after a confirmation naming the key.
import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { useRef, useState } from "react";
import { deleteApiKeyAction, disableApiKeyAction, enableApiKeyAction } from "@/app/(app)/[account]/settings/account/actions";
import { ErrorAlert } from "@/components/forms/feedback";
import { useFormAction, type ServerAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { DialogContent, DialogRoot } from "@/components/ui/dialog";
import { useFeedback } from "@/components/ui/feedback";
import { EditKeyDialog } from "./edit-key-dialog";
import { RollKeyDialog } from "./roll-key-dialog";

type Props = {
  accountId: number;
  keyId: number;
  last4: string;
  description: string;
  status: "enabled" | "disabled";
  // Expiry, access and allow-list (absent: never, full, any address).
  expiresAt?: Date | null;
  access?: "full" | "read";
  allowedCidrs?: string[];
  // Why "Roll this key" cannot be used now (no free slot, disabled or expired key); null when it can.
  rollBlocked?: string | null;
};

const ITEM = "block w-full cursor-pointer rounded px-3 py-2 text-left text-sm outline-none data-[highlighted]:bg-slate-100 dark:data-[highlighted]:bg-slate-800 data-[disabled]:opacity-50";

export function KeyRowActions({ accountId, keyId, last4, description, status, expiresAt = null, access = "full", allowedCidrs = [], rollBlocked = null }: Props) {
  const [confirming, setConfirming] = useState(false);
  const [rolling, setRolling] = useState(false);
  const [editing, setEditing] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  // Set once the key is deleted: its row (and this trigger) is about to leave the page.
  const deleted = useRef(false);
  const notify = useFeedback();

  const key = useFormAction(disableApiKeyAction, { fields: { accountId, keyId } });
  const { pending } = key;

  function run(action: ServerAction<unknown>, success: string, then?: () => void) {
    key.submit({}, {
      action,
      then: (result) => {
        if (result.ok) then?.();
        notify(result.ok ? { kind: "success", text: success } : { kind: "error", text: result.error });
      },
    });
  }

  const toggle =
    status === "enabled"
      ? () => run(disableApiKeyAction, `Key ending ${last4} is disabled.`)
      : () => run(enableApiKeyAction, `Key ending ${last4} is enabled again.`);

  return (
    <>
      <DropdownMenu.Root modal={false}>
        {/* Not disabled while an action runs: a disabled trigger would drop the keyboard focus. The items are. */}
        <DropdownMenu.Trigger ref={trigger} aria-label={`Actions for key ending ${last4}`}
          className="inline-flex h-8 min-w-8 items-center justify-center rounded-md px-2 text-lg leading-none hover:bg-slate-100 dark:hover:bg-slate-800">
          ⋮
        </DropdownMenu.Trigger>
        {/* Not portalled: the open menu stays inside the page's main landmark. */}
        <DropdownMenu.Content align="end" sideOffset={4} className="z-30 min-w-44 rounded-md border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 p-1 shadow-lg">
          <DropdownMenu.Item className={ITEM} disabled={pending} onSelect={toggle}>
            {status === "enabled" ? "Disable this key" : "Re-enable this key"}
          </DropdownMenu.Item>
          <DropdownMenu.Item className={ITEM} disabled={pending} onSelect={() => setEditing(true)}>
            Edit this key
          </DropdownMenu.Item>
          <DropdownMenu.Item className={ITEM} disabled={pending || rollBlocked !== null} onSelect={() => setRolling(true)}>
            Roll this key
            {rollBlocked && <span className="block text-xs text-slate-600 dark:text-slate-400">{rollBlocked}</span>}
          </DropdownMenu.Item>
          <DropdownMenu.Item className={`${ITEM} text-red-700 dark:text-red-400`} disabled={pending} onSelect={() => { key.reset(); setConfirming(true); }}>
            Delete this key
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Root>
      <RollKeyDialog open={rolling} onOpenChange={setRolling} accountId={accountId} keyId={keyId} last4={last4} description={description} />
      <EditKeyDialog open={editing} onOpenChange={setEditing} accountId={accountId} keyId={keyId} last4={last4} description={description}
        expiresAt={expiresAt} access={access} allowedCidrs={allowedCidrs} />
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
          <ErrorAlert message={key.error} className="mb-3" />
          <div className="flex flex-wrap justify-end gap-2">
            <Button variant="secondary" onClick={() => setConfirming(false)} disabled={pending}>Cancel</Button>
            <Button variant="danger" disabled={pending}
              onClick={() => run(deleteApiKeyAction, `Key ending ${last4} is deleted.`, () => { deleted.current = true; setConfirming(false); })}>
              {pending ? "Deleting…" : "Delete"}
            </Button>
          </div>
        </DialogContent>
      </DialogRoot>
    </>
  );
}

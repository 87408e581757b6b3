"use client";
// Radix Dialog with our look: title, description, focus trapped and returned, close blockable while pending.
import * as RadixDialog from "@radix-ui/react-dialog";

export const DialogRoot = RadixDialog.Root;
export const DialogTrigger = RadixDialog.Trigger;
export const DialogClose = RadixDialog.Close;

type ContentProps = {
  title: string;
  description?: React.ReactNode;
  children: React.ReactNode;
  // While true, Escape and outside clicks do not close the dialog.
  locked?: boolean;
  onCloseAutoFocus?: (event: Event) => void;
};

export function DialogContent({ title, description, children, locked = false, onCloseAutoFocus }: ContentProps) {
  const block = (event: Event) => locked && event.preventDefault();
  return (
    <RadixDialog.Portal>
      <RadixDialog.Overlay className="fixed inset-0 z-40 bg-slate-900/50" />
      <RadixDialog.Content
        onEscapeKeyDown={block}
        onPointerDownOutside={block}
        onInteractOutside={block}
        onCloseAutoFocus={onCloseAutoFocus}
        className="fixed left-1/2 top-1/2 z-50 w-[min(36rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-6 shadow-xl"
      >
        <RadixDialog.Title className="text-lg font-semibold">{title}</RadixDialog.Title>
        {description ? (
          <RadixDialog.Description className="mt-1 text-sm text-slate-600">{description}</RadixDialog.Description>
        ) : (
          <RadixDialog.Description className="sr-only">{title}</RadixDialog.Description>
        )}
        <div className="mt-4">{children}</div>
      </RadixDialog.Content>
    </RadixDialog.Portal>
  );
}

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
        className="fixed left-1/2 top-1/2 z-50 w-[min(36rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 max-h-[calc(100dvh-2rem)] overflow-y-auto rounded-lg bg-white dark:bg-slate-900 p-4 shadow-xl sm:p-6"
      >
        <RadixDialog.Title className="text-lg font-semibold [overflow-wrap:anywhere]">{title}</RadixDialog.Title>
        {description ? (
          <RadixDialog.Description className="mt-1 text-sm [overflow-wrap:anywhere] text-slate-600 dark:text-slate-400">{description}</RadixDialog.Description>
        ) : (
          <RadixDialog.Description className="sr-only">{title}</RadixDialog.Description>
        )}
        <div className="mt-4">{children}</div>
      </RadixDialog.Content>
    </RadixDialog.Portal>
  );
}

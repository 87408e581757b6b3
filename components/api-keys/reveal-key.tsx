"use client";
// The one showing of a new key: read-only field, Copy, the warning, a curl example, "Close and Continue".
import { useState } from "react";
import { useFormAction, type ServerAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";

// A dialog that makes a key: the plaintext lives only in its state (the action's last answer), and closing drops
// it. Closing is blocked only while the key is being made (once shown, it may always be dismissed); opening is never
// blocked, as the last key's call may still be waiting for the page it revalidated.
export function useKeyDialog(action: ServerAction<{ plaintext: string }>, failed: string, onOpenChange: (open: boolean) => void) {
  const make = useFormAction(action, { failed });
  const plaintext = make.result?.ok ? make.result.data.plaintext : null;
  function change(next: boolean) {
    if (!next && make.pending && !plaintext) return;
    onOpenChange(next);
    if (!next) make.reset();
  }
  return { make, plaintext, change };
}

export function RevealKey({ plaintext, onDone }: { plaintext: string; onDone: () => void }) {
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  // Only ever rendered in the browser, after a click: window is there.
  const origin = window.location.origin;

  async function copy() {
    try {
      await navigator.clipboard.writeText(plaintext);
      setCopied("yes");
    } catch {
      setCopied("failed");
    }
  }

  return (
    <div className="space-y-4">
      <div>
        <label htmlFor="new-api-key" className="block text-sm font-medium">API access key</label>
        <div className="mt-1 flex gap-2">
          <input id="new-api-key" readOnly value={plaintext} onFocus={(e) => e.currentTarget.select()}
            className="w-full min-w-0 rounded-md border border-slate-300 dark:border-slate-600 bg-slate-50 dark:bg-slate-800 px-3 py-2 font-mono text-sm" />
          <Button variant="secondary" className="shrink-0" onClick={copy}>Copy</Button>
        </div>
        <p role="status" className="mt-1 min-h-5 text-sm text-green-800 dark:text-green-400">
          {copied === "yes" ? "Copied to the clipboard." : copied === "failed" ? "Copy failed: select the key and copy it by hand." : ""}
        </p>
      </div>
      <p className="rounded-md border border-amber-300 dark:border-amber-700 bg-amber-50 dark:bg-amber-950 px-3 py-2 text-sm text-amber-950 dark:text-amber-200">
        <strong>This key will not be shown again.</strong> Keep it secret, like a password: don&apos;t share it, not even with support.
        If it is lost or leaked, delete it and generate a new one.
      </p>
      <div>
        <p className="text-sm font-medium">Try it</p>
        {/* Focusable: the line scrolls sideways, and keyboard users must be able to scroll it too. */}
        <pre tabIndex={0} className="mt-1 overflow-x-auto rounded-md bg-slate-900 dark:bg-slate-950 px-3 py-2 text-xs text-slate-100" aria-label="curl example">
          <code>{`curl -H "Authorization: Bearer ${plaintext}" ${origin}/v4/sources`}</code>
        </pre>
        <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
          See the <a href="/docs/api" target="_blank" rel="noreferrer" className="text-blue-700 dark:text-blue-300 underline">API reference</a> for every endpoint.
        </p>
      </div>
      <div className="flex justify-end">
        <Button onClick={onDone}>Close and Continue</Button>
      </div>
    </div>
  );
}

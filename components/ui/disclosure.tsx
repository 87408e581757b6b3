"use client";
// A native <details> that the page may open (a check that just failed opens the edit form) but never closes under
// the person; once they toggle it, it stays as they left it, across server refreshes.
import { useState, type ReactNode } from "react";

export function Disclosure({ summary, initiallyOpen, children }: { summary: string; initiallyOpen: boolean; children: ReactNode }) {
  const [choice, setChoice] = useState<boolean | null>(null);
  const [opened, setOpened] = useState(initiallyOpen);
  if (initiallyOpen && !opened) setOpened(true);
  const open = choice ?? opened;
  return (
    // A toggle React made (following the page) is not the person's choice.
    <details open={open} onToggle={(e) => e.currentTarget.open !== open && setChoice(e.currentTarget.open)} className="mt-4 rounded-lg border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900">
      <summary className="cursor-pointer px-4 py-3 font-medium">{summary}</summary>
      <div className="px-4 pb-4">{children}</div>
    </details>
  );
}

"use client";
// A native <details> that starts open or closed and then stays as the person left it, across server refreshes.
import { useState, type ReactNode } from "react";

export function Disclosure({ summary, initiallyOpen, children }: { summary: string; initiallyOpen: boolean; children: ReactNode }) {
  const [open, setOpen] = useState(initiallyOpen);
  return (
    <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)} className="mt-4 rounded-lg border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900">
      <summary className="cursor-pointer px-4 py-3 font-medium">{summary}</summary>
      <div className="px-4 pb-4">{children}</div>
    </details>
  );
}

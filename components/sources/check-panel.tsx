"use client";
// The last connection check: its status (refreshed while it runs), the database's message, and a re-check button.
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { recheckSourceAction } from "@/app/(app)/[account]/sources/actions";
import { ErrorAlert } from "@/components/forms/feedback";
import { useFormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import type { ConnectionCheck } from "@/lib/connect/checks";
import { CHECK_LABEL } from "./labels";

type Props = { accountId: number; sourceId: number; check: ConnectionCheck | null; canCheck: boolean };

export function CheckPanel({ accountId, sourceId, check, canCheck }: Props) {
  const router = useRouter();
  const recheck = useFormAction(recheckSourceAction, { fields: { accountId, sourceId }, then: () => router.refresh() });
  const { pending } = recheck;
  const running = check?.status === "running";

  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => router.refresh(), 1500);
    return () => clearInterval(timer);
  }, [running, router]);

  return (
    <section aria-labelledby="check-heading" className="rounded-lg border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 p-4">
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="check-heading" className="text-lg font-semibold">Connection check</h2>
        <Button variant="secondary" className="ml-auto" onClick={() => recheck.submit()} disabled={!canCheck || running || pending}>
          {pending ? "Starting…" : "Check the connection again"}
        </Button>
      </div>
      <div role="status" aria-live="polite" className="mt-2 text-sm">
        {check ? (
          <p>
            Last check: <strong>{CHECK_LABEL[check.status]}</strong>
            {running && <span className="ml-2 inline-block h-3 w-3 animate-spin rounded-full border-2 border-blue-700 dark:border-blue-400 border-t-transparent" aria-hidden />}
            <span className="ml-2 text-slate-600 dark:text-slate-400">started {check.startedAt.toUTCString()}</span>
          </p>
        ) : (
          <p>Never checked. Fill in every connection detail to start a check.</p>
        )}
      </div>
      {check?.status === "failed" && check.error && (
        <p className="mt-2 rounded-md bg-red-50 dark:bg-red-950 px-3 py-2 text-sm text-red-900 dark:text-red-300">
          {check.checkExitStatus === 1 ? "The database refused the connection: " : "Discovery failed: "}{check.error}
        </p>
      )}
      <ErrorAlert message={recheck.error} className="mt-2" />
    </section>
  );
}

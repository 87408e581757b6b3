"use client";
// A source's Replication panel: its state in words, Run now and Stop, rows so far (polled every 2 s while a
// run is queued or going), the last runs with a chart, and each table's load state.
import { useCallback, useEffect, useRef, useState } from "react";
import { replicationStateAction, runSourceAction, stopSourceAction } from "@/app/(app)/[account]/sources/[id]/actions";
import { ErrorAlert } from "@/components/forms/feedback";
import { useFormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { accountPath } from "@/lib/console-paths";
import type { ReplicationOverview } from "@/lib/replication/overview";
import { RunHistory } from "./run-history";
import { RunsChart } from "./runs-chart";
import { TableLoads } from "./table-loads";
import { stateSentence } from "./words";

export const POLL_MS = 2_000;

type Props = { accountId: number; accountSlug: string; sourceId: number; initial: ReplicationOverview; canRun: boolean; scheduleLine: string };

export function ReplicationPanel({ accountId, accountSlug, sourceId, initial, canRun, scheduleLine }: Props) {
  const [overview, setOverview] = useState(initial);
  const [watching, setWatching] = useState(initial.active !== null);
  const runButton = useRef<HTMLButtonElement>(null);
  const stopButton = useRef<HTMLButtonElement>(null);
  const form = useCallback(() => {
    const f = new FormData();
    f.set("accountId", String(accountId));
    f.set("sourceId", String(sourceId));
    return f;
  }, [accountId, sourceId]);

  const refresh = useCallback(async () => {
    // A poll, not a form: a missed answer just waits for the next one.
    const result = await replicationStateAction(null, form()).catch(() => null);
    if (!result?.ok) return;
    setOverview(result.data);
    if (!result.data.active) setWatching(false);
  }, [form]);

  useEffect(() => {
    if (!watching) return;
    const timer = setInterval(() => void refresh(), POLL_MS);
    return () => clearInterval(timer);
  }, [watching, refresh]);

  const act = useFormAction(runSourceAction, {
    fields: { accountId, sourceId },
    then: async () => {
      await refresh();
      setWatching(true);
    },
  });
  const { pending } = act;

  const { active } = overview;
  const running = active !== null;
  // The pressed button disables itself: hand the focus to the other one instead of losing it to the page.
  useEffect(() => {
    if (pending) return;
    const focused = document.activeElement;
    if (focused !== document.body && focused !== runButton.current && focused !== stopButton.current) return;
    if (running && !stopButton.current?.disabled) stopButton.current?.focus();
    if (!running && focused === stopButton.current) runButton.current?.focus();
  }, [running, pending]);
  const logHref = (jobName: string) => `${accountPath(accountSlug, `/sources/${sourceId}/log`)}?job=${encodeURIComponent(jobName)}`;
  return (
    <section aria-labelledby="replication-heading" className="mt-6 rounded-lg border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 p-4">
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="replication-heading" className="text-lg font-semibold">Replication</h2>
        <div className="ml-auto flex flex-wrap gap-2">
          <Button ref={runButton} onClick={() => act.submit()} disabled={!canRun || pending || active !== null}>Run now</Button>
          <Button ref={stopButton} variant="secondary" onClick={() => act.submit({}, { action: stopSourceAction })} disabled={pending || !active || active.stopRequested}>Stop</Button>
        </div>
      </div>
      <div role="status" aria-live="polite" className="mt-2 text-sm">
        <p className={!active && overview.runs[0]?.status === "failed" ? "font-medium text-red-900 dark:text-red-300" : "font-medium"}>{stateSentence(overview)}</p>
      </div>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{scheduleLine}</p>
      <ErrorAlert message={act.error} className="mt-2" />
      <h3 className="mt-4 mb-2 font-semibold">Tables</h3>
      <TableLoads tables={overview.tables} progress={active?.status === "running" ? active.progress : null} />
      <h3 className="mt-4 mb-2 font-semibold">History</h3>
      <div className="grid gap-4 lg:grid-cols-2 [&>*]:min-w-0">
        <RunsChart runs={overview.runs} />
        <RunHistory runs={overview.runs} logHref={logHref} />
      </div>
    </section>
  );
}

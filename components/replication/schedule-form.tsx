"use client";
// The source's schedule: every 30 min / hour / 6 h / 12 h / day with an optional anchor time, or a Quartz cron
// expression; the next few run times are shown before saving.
import { useRouter } from "next/navigation";
import { useId, useMemo, useState } from "react";
import { saveScheduleAction } from "@/app/(app)/[account]/sources/[id]/actions";
import { ErrorAlert } from "@/components/forms/feedback";
import { useFormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { nextFireTimes, scheduleOf, scheduleProblems } from "@/lib/jobs/schedule";
import { utcTime } from "./words";

const CHOICES = [["30", "Every 30 minutes"], ["60", "Every hour"], ["360", "Every 6 hours"], ["720", "Every 12 hours"], ["1440", "Every day"]] as const;

export type ScheduleValues = { mode: "interval" | "cron"; frequency: string; anchor: string; cron: string };
type Props = { accountId: number; sourceId: number; initial: ScheduleValues };

function preview(v: ScheduleValues): { times: string[] } | { error: string } {
  const props: Record<string, string> = v.mode === "cron" ? { cron_expression: v.cron.trim() } : { frequency_in_minutes: v.frequency, ...(v.anchor ? { anchor_time: `2000-01-01T${v.anchor}:00Z` } : {}) };
  const problems = Object.values(scheduleProblems(props));
  if (problems.length) return { error: problems[0] };
  return { times: nextFireTimes(scheduleOf(props), new Date(), 3).map((d) => utcTime(d.toISOString())) };
}

export function ScheduleForm({ accountId, sourceId, initial }: Props) {
  const id = useId();
  const router = useRouter();
  const [values, setValues] = useState(initial);
  const save = useFormAction(saveScheduleAction, { fields: { accountId, sourceId }, success: "The schedule is saved.", then: () => router.refresh() });
  const { pending } = save;
  const next = useMemo(() => preview(values), [values]);
  // A change hides the last answer (it spoke of the values before it).
  const set = (change: Partial<ScheduleValues>) => { if (save.result) save.reset(); setValues((v) => ({ ...v, ...change })); };
  const onSubmit = (event: React.FormEvent) => { event.preventDefault(); save.submit(values); };

  return (
    <form onSubmit={onSubmit} className="mt-4 rounded-md border border-slate-200 dark:border-slate-700 p-3 text-sm" aria-labelledby={`${id}-legend`}>
      <h3 id={`${id}-legend`} className="font-semibold">Schedule</h3>
      <fieldset className="mt-2">
        <legend className="sr-only">How the schedule is given</legend>
        <label className="mr-4 inline-flex items-center gap-1 py-1"><input type="radio" name="mode" checked={values.mode === "interval"} onChange={() => set({ mode: "interval" })} /> Frequency</label>
        <label className="inline-flex items-center gap-1 py-1"><input type="radio" name="mode" checked={values.mode === "cron"} onChange={() => set({ mode: "cron" })} /> Cron expression</label>
      </fieldset>
      {values.mode === "interval" ? (
        <div className="mt-2 flex flex-wrap gap-4">
          <label className="flex min-w-0 max-w-full flex-col">Replication frequency
            <select className="mt-1 rounded border border-slate-300 dark:border-slate-600 px-2 py-1" value={values.frequency} onChange={(e) => set({ frequency: e.target.value })}>
              {CHOICES.map(([v, label]) => <option key={v} value={v}>{label}</option>)}
            </select>
          </label>
          <label className="flex flex-col">Anchor time (UTC, optional)
            <input type="time" className="mt-1 rounded border border-slate-300 dark:border-slate-600 px-2 py-1" value={values.anchor} onChange={(e) => set({ anchor: e.target.value })} />
          </label>
        </div>
      ) : (
        <label className="mt-2 flex flex-col">Cron expression (Quartz, UTC: sec min hour day-of-month month day-of-week [year])
          <input className="mt-1 rounded border border-slate-300 dark:border-slate-600 px-2 py-1 font-mono" value={values.cron} placeholder="0 0 12 ? * MON-FRI" onChange={(e) => set({ cron: e.target.value })} />
        </label>
      )}
      <p className="mt-2 text-slate-700 dark:text-slate-300" aria-live="polite">
        {"error" in next ? <span className="text-red-900 dark:text-red-300">{next.error}</span> : <>Next runs: {next.times.join(", ")}</>}
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending || "error" in next}>{pending ? "Saving…" : "Save schedule"}</Button>
        <span role="status" className="text-green-800 dark:text-green-400">{save.success}</span>
      </div>
      <ErrorAlert message={save.error} className="mt-2" />
    </form>
  );
}

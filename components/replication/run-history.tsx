// The last runs: start, duration, rows, status, the error in words and a link to the run's log.
import type { RunView } from "@/lib/replication/overview";
import { duration, rowCount, RUN_LABEL, utcTime } from "./words";

const TH = "px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400";

type Props = { runs: RunView[]; logHref: (jobName: string) => string };

export function RunHistory({ runs, logHref }: Props) {
  if (runs.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">No finished runs yet.</p>;
  return (
    <table className="table-cards w-full border-collapse rounded-lg border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 text-sm">
      <caption className="sr-only">Last runs, newest first</caption>
      <thead className="border-b border-slate-200 dark:border-slate-700 bg-slate-50 dark:bg-slate-800">
        <tr>
          <th scope="col" className={TH}>Started</th>
          <th scope="col" className={TH}>Duration</th>
          <th scope="col" className={TH}>Rows</th>
          <th scope="col" className={TH}>Status</th>
          <th scope="col" className={TH}>Error</th>
          <th scope="col" className={TH}>Log</th>
        </tr>
      </thead>
      <tbody>
        {runs.map((run) => (
          <tr key={run.jobName} className="border-b border-slate-100 dark:border-slate-800 last:border-0">
            <th scope="row" className="px-3 py-2 text-left font-normal">{utcTime(run.startedAt)}</th>
            <td data-label="Duration" className="px-3 py-2">{duration(run.durationSeconds)}</td>
            <td data-label="Rows" className="px-3 py-2 tabular-nums">{rowCount(run.rows)}</td>
            <td data-label="Status" className="px-3 py-2">{RUN_LABEL[run.status]}</td>
            <td className="px-3 py-2 text-red-900 dark:text-red-300">{run.error ?? ""}</td>
            <td className="px-3 py-2">
              <a href={logHref(run.jobName)} className="inline-block py-1 text-blue-800 dark:text-blue-300 underline" aria-label={`Log of the run started ${utcTime(run.startedAt)}`}>Log</a>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

// The last runs: start, duration, rows, status, the error in words and a link to the run's log.
import type { RunView } from "@/lib/replication/overview";
import { duration, rowCount, RUN_LABEL, utcTime } from "./words";

const TH = "px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-600";

type Props = { runs: RunView[]; logHref: (jobName: string) => string };

export function RunHistory({ runs, logHref }: Props) {
  if (runs.length === 0) return <p className="text-sm text-slate-600">No finished runs yet.</p>;
  return (
    <table className="w-full border-collapse rounded-lg border border-slate-200 bg-white text-sm">
      <caption className="sr-only">Last runs, newest first</caption>
      <thead className="border-b border-slate-200 bg-slate-50">
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
          <tr key={run.jobName} className="border-b border-slate-100 last:border-0">
            <th scope="row" className="px-3 py-2 text-left font-normal">{utcTime(run.startedAt)}</th>
            <td className="px-3 py-2">{duration(run.durationSeconds)}</td>
            <td className="px-3 py-2 tabular-nums">{rowCount(run.rows)}</td>
            <td className="px-3 py-2">{RUN_LABEL[run.status]}</td>
            <td className="px-3 py-2 text-red-900">{run.error ?? ""}</td>
            <td className="px-3 py-2">
              <a href={logHref(run.jobName)} className="text-blue-800 underline" aria-label={`Log of the run started ${utcTime(run.startedAt)}`}>Log</a>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

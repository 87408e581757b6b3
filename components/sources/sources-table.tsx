import Link from "next/link";
import { accountPath } from "@/lib/console-paths";
import type { SourceSummary } from "@/lib/connect/source-summaries";
import type { LastRun } from "@/lib/replication/overview";
import { RUN_LABEL, utcTime } from "@/components/replication/words";
import { CHECK_LABEL, STATE_LABEL } from "./labels";

const TH = "px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400";

type Props = { sources: SourceSummary[]; accountSlug: string; lastRuns: Record<number, LastRun>; nextRuns: Record<number, string | null> };

// The account's sources: name (a link to the source), type, state, last check, selected tables, last and next run.
export function SourcesTable({ sources, accountSlug, lastRuns, nextRuns }: Props) {
  if (sources.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">No sources yet. Add one to discover its tables.</p>;
  return (
    <table className="table-cards w-full border-collapse rounded-lg border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 text-sm">
      <caption className="sr-only">Sources of this account</caption>
      <thead className="border-b border-slate-200 dark:border-slate-700 bg-slate-50 dark:bg-slate-800">
        <tr>
          <th scope="col" className={TH}>Name</th>
          <th scope="col" className={TH}>Type</th>
          <th scope="col" className={TH}>Status</th>
          <th scope="col" className={TH}>Last check</th>
          <th scope="col" className={TH}>Selected tables</th>
          <th scope="col" className={TH}>Last run</th>
          <th scope="col" className={TH}>Next run</th>
        </tr>
      </thead>
      <tbody>
        {sources.map((s) => (
          <tr key={s.id} className="border-b border-slate-100 dark:border-slate-800 last:border-0">
            <th scope="row" className="px-3 py-2 text-left font-medium">
              <Link href={accountPath(accountSlug, `/sources/${s.id}`)} className="inline-block py-1 text-blue-800 dark:text-blue-300 underline">{s.displayName}</Link>
            </th>
            <td data-label="Type" className="px-3 py-2">{s.typeName}</td>
            <td data-label="Status" className="px-3 py-2">{STATE_LABEL[s.state]}</td>
            <td data-label="Last check" className="px-3 py-2">{s.lastCheck ? CHECK_LABEL[s.lastCheck] : "Never checked"}</td>
            <td data-label="Selected tables" className="px-3 py-2">{s.selectedTables}</td>
            <td data-label="Last run" className="px-3 py-2">{lastRuns[s.id] ? `${RUN_LABEL[lastRuns[s.id].status]}, ${utcTime(lastRuns[s.id].at)}` : "Never run"}</td>
            <td data-label="Next run" className="px-3 py-2">{s.state !== "active" ? "—" : nextRuns[s.id] ? utcTime(nextRuns[s.id]!) : "Not scheduled"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

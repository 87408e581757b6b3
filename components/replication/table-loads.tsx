// Per table: rows in the last load, when its last batch was loaded, and its load error if any.
import type { TableLoad } from "@/lib/replication/overview";
import { rowCount, utcTime } from "./words";

const TH = "px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400";

export function TableLoads({ tables, progress }: { tables: TableLoad[]; progress: Record<string, number> | null }) {
  if (tables.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">No tables selected for replication.</p>;
  return (
    <table className="table-cards w-full border-collapse rounded-lg border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 text-sm">
      <caption className="sr-only">Load state per table</caption>
      <thead className="border-b border-slate-200 dark:border-slate-700 bg-slate-50 dark:bg-slate-800">
        <tr>
          <th scope="col" className={TH}>Table</th>
          {progress && <th scope="col" className={TH}>Rows so far</th>}
          <th scope="col" className={TH}>Rows in the last load</th>
          <th scope="col" className={TH}>Last batch loaded at</th>
          <th scope="col" className={TH}>Load error</th>
        </tr>
      </thead>
      <tbody>
        {tables.map((t) => (
          <tr key={t.tapStreamId} className="border-b border-slate-100 dark:border-slate-800 last:border-0">
            <th scope="row" className="px-3 py-2 text-left font-medium">{t.streamName}</th>
            {progress && <td data-label="Rows so far" className="px-3 py-2 tabular-nums">{rowCount(progress[t.tapStreamId] ?? 0)}</td>}
            <td data-label="Rows in the last load" className="px-3 py-2 tabular-nums">{t.lastLoadRows === null ? "—" : rowCount(t.lastLoadRows)}</td>
            <td data-label="Last batch loaded at" className="px-3 py-2">{t.lastBatchLoadedAt ? utcTime(t.lastBatchLoadedAt) : "Never"}</td>
            <td className="px-3 py-2 text-red-900 dark:text-red-300">{t.error ?? ""}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

"use client";
// One table: its own checkbox and one per column (keys ticked and locked, unsupported types locked with the reason).
import type { TableChoice } from "@/lib/connect/source-summaries";
import type { Ticks } from "./stream-selection";

type Props = { table: TableChoice; ticks: Ticks[string]; readOnly: boolean; onChange: (next: Ticks[string]) => void };

const METHODS = [
  { value: "FULL_TABLE", label: "Full table: every row on every run" },
  { value: "INCREMENTAL", label: "Key-based incremental: rows whose replication key grew" },
  { value: "LOG_BASED", label: "Log-based incremental (not available yet)" },
] as const;

const REASON = {
  automatic: "Primary key: always replicated.",
  unsupported: "This type cannot be replicated.",
  available: null,
} as const;

export function TableFieldset({ table, ticks, readOnly, onChange }: Props) {
  const id = `table-${table.tapStreamId.replace(/[^A-Za-z0-9_-]/g, "_")}`;
  // A disabled fieldset disables every control but those in its legend: the table's box says so itself.
  return (
    <fieldset disabled={readOnly} className="min-w-0 rounded-lg border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 p-4">
      <legend className="px-1">
        <label className="flex flex-wrap items-center gap-2 font-medium [overflow-wrap:anywhere]">
          <input type="checkbox" checked={ticks.selected} disabled={readOnly} aria-label={`Replicate table ${table.streamName}`}
            onChange={(e) => onChange({ ...ticks, selected: e.target.checked })} className="h-5 w-5 shrink-0" />
          {table.streamName}
          <span className="text-xs font-normal text-slate-600 dark:text-slate-400">
            {table.isView ? "view" : "table"}{table.rowCount !== null ? ` · about ${table.rowCount} rows` : ""}
          </span>
        </label>
      </legend>
      <ul className="mt-2 grid gap-1 sm:grid-cols-2">
        {table.fields.map((f) => {
          const reason = REASON[f.inclusion];
          const reasonId = `${id}-${f.name.replace(/[^A-Za-z0-9_-]/g, "_")}-reason`;
          const locked = f.inclusion !== "available";
          return (
            <li key={f.name} className="text-sm">
              <label className={`flex flex-wrap items-center gap-x-2 [overflow-wrap:anywhere] ${locked ? "text-slate-500 dark:text-slate-400" : ""}`}>
                <input type="checkbox" disabled={locked} aria-label={`Replicate column ${f.name} of ${table.streamName}`}
                  aria-describedby={reason ? reasonId : undefined}
                  checked={f.inclusion === "automatic" ? true : f.inclusion === "unsupported" ? false : ticks.fields[f.name] === true}
                  onChange={(e) => onChange({ ...ticks, fields: { ...ticks.fields, [f.name]: e.target.checked } })} className="h-5 w-5 shrink-0" />
                <span className="font-mono">{f.name}</span>
                <span className="text-xs text-slate-500 dark:text-slate-400">{f.sqlType}</span>
              </label>
              {reason && <p id={reasonId} className="ml-6 text-xs text-slate-600 dark:text-slate-400">{reason}</p>}
            </li>
          );
        })}
      </ul>
      <div className="mt-3 flex flex-wrap gap-4 border-t border-slate-100 dark:border-slate-800 pt-3 text-sm">
        <label className="flex min-w-0 max-w-full flex-col gap-1">
          <span className="font-medium">Replication method</span>
          <select value={ticks.method} aria-label={`Replication method of ${table.streamName}`}
            onChange={(e) => onChange({ ...ticks, method: e.target.value })} className="max-w-full rounded-md border border-slate-300 dark:border-slate-600 bg-white dark:bg-slate-900 px-2 py-1">
            {!table.replicationMethod && <option value="">Not chosen yet</option>}
            {METHODS.map((m) => <option key={m.value} value={m.value}>{m.label}</option>)}
          </select>
        </label>
        {ticks.method === "INCREMENTAL" && (
          <label className="flex min-w-0 max-w-full flex-col gap-1">
            <span className="font-medium">Replication key</span>
            <select value={ticks.key} aria-label={`Replication key of ${table.streamName}`}
              onChange={(e) => onChange({ ...ticks, key: e.target.value })} className="max-w-full rounded-md border border-slate-300 dark:border-slate-600 bg-white dark:bg-slate-900 px-2 py-1">
              <option value="">Choose a column</option>
              {table.fields.filter((f) => f.inclusion !== "unsupported").map((f) => <option key={f.name} value={f.name}>{f.name}</option>)}
            </select>
          </label>
        )}
      </div>
    </fieldset>
  );
}

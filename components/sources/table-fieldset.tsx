"use client";
// One table: its own checkbox and one per column (keys ticked and locked, unsupported types locked with the reason).
import type { TableChoice } from "@/lib/connect/source-summaries";
import type { Ticks } from "./stream-selection";

type Props = { table: TableChoice; ticks: Ticks[string]; onChange: (next: Ticks[string]) => void };

const REASON = {
  automatic: "Primary key: always replicated.",
  unsupported: "This type cannot be replicated.",
  available: null,
} as const;

export function TableFieldset({ table, ticks, onChange }: Props) {
  const id = `table-${table.tapStreamId.replace(/[^A-Za-z0-9_-]/g, "_")}`;
  return (
    <fieldset className="rounded-lg border border-slate-200 bg-white p-4">
      <legend className="px-1">
        <label className="flex items-center gap-2 font-medium">
          <input type="checkbox" checked={ticks.selected} aria-label={`Replicate table ${table.streamName}`}
            onChange={(e) => onChange({ ...ticks, selected: e.target.checked })} className="h-4 w-4" />
          {table.streamName}
          <span className="text-xs font-normal text-slate-600">
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
              <label className={`flex items-center gap-2 ${locked ? "text-slate-500" : ""}`}>
                <input type="checkbox" disabled={locked} aria-label={`Replicate column ${f.name} of ${table.streamName}`}
                  aria-describedby={reason ? reasonId : undefined}
                  checked={f.inclusion === "automatic" ? true : f.inclusion === "unsupported" ? false : ticks.fields[f.name] === true}
                  onChange={(e) => onChange({ ...ticks, fields: { ...ticks.fields, [f.name]: e.target.checked } })} className="h-4 w-4" />
                <span className="font-mono">{f.name}</span>
                <span className="text-xs text-slate-500">{f.sqlType}</span>
              </label>
              {reason && <p id={reasonId} className="ml-6 text-xs text-slate-600">{reason}</p>}
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

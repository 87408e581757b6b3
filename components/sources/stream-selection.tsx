"use client";
// Tick tables and their columns, then save them in one request (the API's rules and messages, all or nothing).
import { useRouter } from "next/navigation";
import { useState } from "react";
import { saveSelectionAction } from "@/app/(app)/[account]/sources/actions";
import { ErrorAlert } from "@/components/forms/feedback";
import { useFormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import type { TableChoice } from "@/lib/connect/source-summaries";
import { TableFieldset } from "./table-fieldset";

// readOnly: a deleted source's selection is shown but can no longer change.
type Props = { accountId: number; sourceId: number; tables: TableChoice[]; readOnly: boolean };
export type Ticks = Record<string, { selected: boolean; method: string; key: string; fields: Record<string, boolean> }>;

function initialTicks(tables: TableChoice[]): Ticks {
  return Object.fromEntries(
    tables.map((t) => [
      t.tapStreamId,
      { selected: t.selected, method: t.replicationMethod ?? "", key: t.replicationKey ?? "", fields: Object.fromEntries(t.fields.map((f) => [f.name, f.selected])) },
    ]),
  );
}

// The table's own metadata: its tick, and its replication method (with the key an incremental one needs) once chosen.
function streamChange(now: Ticks[string]): Record<string, unknown> {
  if (!now.method) return { selected: now.selected };
  return { selected: now.selected, "replication-method": now.method, ...(now.method === "INCREMENTAL" ? { "replication-key": now.key || null } : {}) };
}

// The request: each table's own tick, and its selectable columns when the table is ticked or a column changed.
function selectionRequest(tables: TableChoice[], ticks: Ticks) {
  return {
    streams: tables.map((t) => {
      const now = ticks[t.tapStreamId];
      const fields = t.fields.filter((f) => f.inclusion === "available" && (now.selected || now.fields[f.name] !== f.selected));
      return {
        tap_stream_id: t.tapStreamId,
        metadata: [
          { breadcrumb: [], metadata: streamChange(now) },
          ...fields.map((f) => ({ breadcrumb: ["properties", f.name], metadata: { selected: now.fields[f.name] } })),
        ],
      };
    }),
  };
}

export function StreamSelection({ accountId, sourceId, tables, readOnly }: Props) {
  const router = useRouter();
  const [ticks, setTicks] = useState(() => initialTicks(tables));
  const save = useFormAction(saveSelectionAction, {
    fields: { accountId, sourceId },
    success: "Selection saved.",
    then: (result) => result.ok && router.refresh(),
  });

  return (
    <div className="space-y-4">
      {tables.map((t) => (
        <TableFieldset key={t.tapStreamId} table={t} readOnly={readOnly} ticks={ticks[t.tapStreamId]} onChange={(next) => setTicks((all) => ({ ...all, [t.tapStreamId]: next }))} />
      ))}
      {readOnly ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">The source is deleted: its selection can no longer change.</p>
      ) : (
        <div className="flex items-center gap-3">
          <Button onClick={() => save.submit({ selection: JSON.stringify(selectionRequest(tables, ticks)) })} disabled={save.pending}>{save.pending ? "Saving…" : "Save selection"}</Button>
          <div role="status" aria-live="polite" className="text-sm">
            {save.success && <p className="text-green-800 dark:text-green-400">{save.success}</p>}
          </div>
        </div>
      )}
      <ErrorAlert message={save.error} />
    </div>
  );
}

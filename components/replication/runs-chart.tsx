"use client";
// Rows per run (bars) and duration (line) over the last runs; the history table beside it holds the same figures.
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { RunView } from "@/lib/replication/overview";
import { utcTime } from "./words";

export function RunsChart({ runs }: { runs: RunView[] }) {
  if (runs.length === 0) return null;
  const data = [...runs].reverse().map((r) => ({ run: utcTime(r.startedAt), rows: r.rows, seconds: r.durationSeconds ?? 0 }));
  return (
    <figure className="rounded-lg border text-slate-700 dark:text-slate-300 border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 p-3">
      <div role="img" aria-label="Chart: rows and duration of the last runs (the same figures are in the history table)" className="h-56 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={data} accessibilityLayer={false} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.25} />
            <XAxis dataKey="run" tick={{ fontSize: 11, fill: "currentColor" }} />
            <YAxis yAxisId="rows" tick={{ fontSize: 11, fill: "currentColor" }} allowDecimals={false} />
            <YAxis yAxisId="seconds" orientation="right" tick={{ fontSize: 11, fill: "currentColor" }} unit=" s" />
            <Tooltip />
            <Legend formatter={(value) => <span className="text-slate-700 dark:text-slate-300">{value}</span>} />
            <Bar yAxisId="rows" dataKey="rows" name="Rows" fill="#1d4ed8" isAnimationActive={false} />
            <Line yAxisId="seconds" dataKey="seconds" name="Duration (s)" stroke="#b45309" strokeWidth={2} isAnimationActive={false} />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="mt-1 text-xs text-slate-600 dark:text-slate-400">Rows (bars) and duration in seconds (line) per run, oldest to newest.</figcaption>
    </figure>
  );
}

"use client";
// A key's requests per day over the last 30 days (Recharts). The chart is an image with a text alternative:
// the sparkline's label sums it up; the detail view's table beside the chart holds every day's figure.
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { UsagePoint } from "@/lib/api-keys/usage";
import { usageSummary } from "./usage-words";

// The small chart in a key's row.
export function UsageSparkline({ days, last4, summary }: { days: UsagePoint[]; last4: string; summary: string }) {
  const total = days.reduce((sum, d) => sum + d.count, 0);
  return (
    <div className="flex items-center gap-2">
      <div role="img" aria-label={`Requests per day of the key ending ${last4}: ${summary}`} title={summary} className="h-7 w-24 shrink-0">
        <BarChart width={96} height={28} data={days} accessibilityLayer={false} margin={{ top: 1, right: 0, bottom: 1, left: 0 }} barCategoryGap={1}>
          <YAxis hide domain={[0, (max: number) => Math.max(1, max)]} />
          <Bar dataKey="count" fill="#1d4ed8" isAnimationActive={false} minPointSize={total ? 1 : 0} />
        </BarChart>
      </div>
      <span className="text-xs text-slate-600 dark:text-slate-400">{total.toLocaleString("en-US")}<span className="sr-only"> requests in 30 days</span></span>
    </div>
  );
}

// The detail view's chart: every day labelled, with a tooltip; the table after it is the text alternative.
export function UsageChart({ days }: { days: UsagePoint[] }) {
  const data = days.map((d) => ({ day: d.day.slice(5), count: d.count }));
  return (
    <div role="img" aria-label={`Chart: requests per day over the last ${days.length} days. ${usageSummary(days)} Every day's figure is in the table below.`} className="h-56 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} accessibilityLayer={false} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis dataKey="day" tick={{ fontSize: 11, fill: "#334155" }} interval="preserveStartEnd" />
          <YAxis tick={{ fontSize: 11, fill: "#334155" }} allowDecimals={false} />
          <Tooltip />
          <Bar dataKey="count" name="Requests" fill="#1d4ed8" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

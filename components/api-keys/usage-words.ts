// A key's 30 days in words: the charts' text alternative (server and client alike).
import type { UsagePoint } from "@/lib/api-keys/usage";

export function requestsText(n: number): string {
  return `${n.toLocaleString("en-US")} request${n === 1 ? "" : "s"}`;
}

// "N requests in the last 30 days; M today (UTC); busiest day YYYY-MM-DD with K." or "No requests …".
export function usageSummary(days: UsagePoint[]): string {
  const total = days.reduce((sum, d) => sum + d.count, 0);
  if (total === 0) return `No requests in the last ${days.length} days.`;
  const busiest = days.reduce((best, d) => (d.count > best.count ? d : best), days[0]);
  const today = days.at(-1)?.count ?? 0;
  return `${requestsText(total)} in the last ${days.length} days; ${requestsText(today)} today (UTC); busiest day ${busiest.day} with ${requestsText(busiest.count)}.`;
}

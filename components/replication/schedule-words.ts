// The schedule in words for the source page, and the schedule form's starting values from the source's properties.
import type { Schedule } from "@/lib/connect/source-schedule";
import type { ScheduleValues } from "./schedule-form";
import { utcTime } from "./words";

// "Next run at 14:30 UTC (every 60 minutes)"; paused and deleted sources do not run.
export function scheduleLine(state: "active" | "paused" | "deleted", schedule: Schedule | null): string {
  if (state === "paused") return "Paused: no scheduled runs.";
  if (state === "deleted") return "Deleted: this source no longer runs.";
  if (!schedule?.nextFireTime) return "No scheduled run.";
  const how = schedule.type === "cron" ? `cron ${schedule.cronExpression}` : `every ${schedule.interval} minutes`;
  return `Next run at ${utcTime(schedule.nextFireTime.toISOString())} (${how})`;
}

// The form's values from stored properties (the anchor's time of day, in UTC).
export function scheduleValues(p: Record<string, string>): ScheduleValues {
  const anchor = p.anchor_time ? new Date(p.anchor_time).toISOString().slice(11, 16) : "";
  return { mode: p.cron_expression ? "cron" : "interval", frequency: p.frequency_in_minutes ?? "30", anchor, cron: p.cron_expression ?? "" };
}

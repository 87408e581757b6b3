// A source's schedule as the API shows it, and the next slot stored for the scheduler.
import { nextFireTime, scheduleOf, scheduleProblems } from "../jobs/schedule";
import { fail, ok, type Result } from "./result";

export type Schedule =
  | { type: "interval"; unit: "minute"; interval: number; nextFireTime: Date | null }
  | { type: "cron"; cronExpression: string; nextFireTime: Date | null };

type Row = { properties: string; pausedAt: Date | null; deletedAt: Date | null; nextFireAt: Date | null };

const parse = (json: string): Record<string, string> => (json ? JSON.parse(json) : {});

// The original's `schedule` object; null while the source is paused or deleted.
export function scheduleOfSource(row: Row): Schedule | null {
  if (row.pausedAt || row.deletedAt) return null;
  const schedule = scheduleOf(parse(row.properties));
  const nextFireTime = row.nextFireAt;
  if (schedule.type === "cron") return { type: "cron", cronExpression: schedule.expression, nextFireTime };
  return { type: "interval", unit: "minute", interval: schedule.minutes, nextFireTime };
}

// The next slot after `now` for stored properties (whole seconds); null while paused or deleted.
export function nextFireAtFor(row: Omit<Row, "nextFireAt">, now = new Date()): Date | null {
  if (row.pausedAt || row.deletedAt) return null;
  const next = nextFireTime(scheduleOf(parse(row.properties)), now);
  return next && new Date(Math.ceil(next.getTime() / 1000) * 1000);
}

// A property change where null clears a property (as "" does).
export function clearNulls(change: Record<string, string | null> | undefined): Record<string, string> | undefined {
  return change && Object.fromEntries(Object.entries(change).map(([k, v]) => [k, v ?? ""]));
}

// The schedule properties after a merge must make sense together (an anchor needs a frequency ≥ 60 …).
export function checkSchedule(mergedProperties: string): Result<true> {
  const problems = scheduleProblems(parse(mergedProperties));
  return Object.keys(problems).length ? fail("InvalidProperties", "Some properties are invalid; see fields.", problems) : ok(true);
}

// A source's schedule from its properties (frequency_in_minutes, anchor_time, cron_expression) and its fire times.
import { nextCronTime, parseQuartzCron } from "./quartz-cron";

export const FREQUENCIES = ["1", "30", "60", "360", "720", "1440"] as const;
// The PostgreSQL source type's default_scheduling_interval: a source without a frequency runs every 30 minutes.
export const DEFAULT_FREQUENCY = 30;

export type Schedule = { type: "interval"; minutes: number; anchor: Date | null } | { type: "cron"; expression: string };

// Which schedule applies: any cron → cron; frequency (+ anchor) → interval (anchored).
export function scheduleOf(properties: Record<string, string>): Schedule {
  if (properties.cron_expression) return { type: "cron", expression: properties.cron_expression };
  const minutes = Number(properties.frequency_in_minutes ?? DEFAULT_FREQUENCY);
  const anchor = properties.anchor_time ? new Date(properties.anchor_time) : null;
  return { type: "interval", minutes, anchor: anchor && minutes >= 60 ? anchor : null };
}

// Problems with schedule properties after a change (keyed like the API's fields), or {} when they are valid.
export function scheduleProblems(properties: Record<string, string>): Record<string, string> {
  const problems: Record<string, string> = {};
  const { frequency_in_minutes: frequency, anchor_time: anchor, cron_expression: cron } = properties;
  if (frequency !== undefined && !(FREQUENCIES as readonly string[]).includes(frequency)) problems["properties.frequency_in_minutes"] = `Use one of ${FREQUENCIES.join(", ")} (minutes).`;
  if (anchor !== undefined) {
    if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d{1,3})?)?(Z|[+-]\d\d:\d\d)$/.test(anchor) || Number.isNaN(Date.parse(anchor))) {
      problems["properties.anchor_time"] = "Use an ISO 8601 timestamp with a time zone, e.g. 2018-04-30T17:00:00Z.";
    } else if (!cron && Number(frequency ?? DEFAULT_FREQUENCY) < 60) {
      problems["properties.anchor_time"] = "An anchor time needs a frequency of 60 minutes or more.";
    }
  }
  if (cron !== undefined) {
    try {
      parseQuartzCron(cron);
    } catch (error) {
      problems["properties.cron_expression"] = `Not a Quartz cron expression: ${(error as Error).message}`;
    }
  }
  return problems;
}

// The first fire time after `after`. Unanchored intervals count from the last start (or `after` when none).
export function nextFireTime(schedule: Schedule, after: Date, lastStart?: Date | null): Date | null {
  if (schedule.type === "cron") return nextCronTime(parseQuartzCron(schedule.expression), after);
  const step = schedule.minutes * 60_000;
  if (schedule.anchor) {
    const offset = (((after.getTime() - schedule.anchor.getTime()) % step) + step) % step;
    return new Date(after.getTime() - offset + step);
  }
  const from = lastStart && lastStart.getTime() + step > after.getTime() ? lastStart : after;
  return new Date(from.getTime() + step);
}

// The next `count` fire times after `after` (what the form shows before saving).
export function nextFireTimes(schedule: Schedule, after: Date, count: number): Date[] {
  const out: Date[] = [];
  let at: Date | null = after;
  while (out.length < count && (at = nextFireTime(schedule, at, null))) out.push(at);
  return out;
}

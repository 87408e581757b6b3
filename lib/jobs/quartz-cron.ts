// Quartz cron expressions (UTC), the subset the original documents: `sec min hour dom month dow [year]`, with
// `*`, `?`, lists, ranges, steps and month/day names. L, W and # are refused with a clear message.
export type Cron = { seconds: Set<number>; minutes: Set<number>; hours: Set<number>; dom: Set<number> | null; months: Set<number>; dow: Set<number> | null; years: Set<number> | null };

const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
// Quartz numbers days of the week 1 (SUN) to 7 (SAT).
const DAYS = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

type Field = { name: string; min: number; max: number; names?: string[] };
const FIELDS: Field[] = [
  { name: "seconds", min: 0, max: 59 },
  { name: "minutes", min: 0, max: 59 },
  { name: "hours", min: 0, max: 23 },
  { name: "day of month", min: 1, max: 31 },
  { name: "month", min: 1, max: 12, names: MONTHS },
  { name: "day of week", min: 1, max: 7, names: DAYS },
  { name: "year", min: 1970, max: 2199 },
];

function value(text: string, field: Field): number {
  const named = field.names?.indexOf(text.toUpperCase()) ?? -1;
  const n = named >= 0 ? named + 1 : /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(n) || n < field.min || n > field.max) throw new Error(`"${text}" is not a valid ${field.name} (${field.min}–${field.max}${field.names ? ` or ${field.names[0]}–${field.names.at(-1)}` : ""}).`);
  return n;
}

function parseField(text: string, field: Field): Set<number> {
  if (/[LW#]/i.test(text.replace(/[A-Z]{3}/gi, (m) => (field.names?.includes(m.toUpperCase()) ? "" : m)))) throw new Error(`L, W and # are not supported (in the ${field.name} field).`);
  const out = new Set<number>();
  for (const part of text.split(",")) {
    const [range, stepText] = part.split("/");
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) throw new Error(`"${part}" has an invalid step in the ${field.name} field.`);
    let from: number;
    let to: number;
    if (range === "*") [from, to] = [field.min, field.max];
    else if (range.includes("-")) [from, to] = range.split("-").map((r) => value(r, field)) as [number, number];
    else [from, to] = [value(range, field), stepText === undefined ? value(range, field) : field.max];
    if (from > to) throw new Error(`"${part}" is an empty range in the ${field.name} field.`);
    for (let n = from; n <= to; n += step) out.add(n);
  }
  return out;
}

// Parse an expression; throws an Error whose message says what is wrong.
export function parseQuartzCron(expression: string): Cron {
  const parts = expression.trim().split(/\s+/);
  if (parts.length < 6 || parts.length > 7) throw new Error("A cron expression has 6 or 7 fields: seconds minutes hours day-of-month month day-of-week [year].");
  const [dom, dow] = [parts[3], parts[5]];
  if ((dom === "?") === (dow === "?")) throw new Error("Use ? in exactly one of day-of-month and day-of-week.");
  const [seconds, minutes, hours] = [0, 1, 2].map((i) => parseField(parts[i], FIELDS[i]));
  return {
    seconds,
    minutes,
    hours,
    dom: dom === "?" ? null : parseField(dom, FIELDS[3]),
    months: parseField(parts[4], FIELDS[4]),
    dow: dow === "?" ? null : parseField(dow, FIELDS[5]),
    years: parts[6] === undefined || parts[6] === "*" ? null : parseField(parts[6], FIELDS[6]),
  };
}

const sorted = (s: Set<number>) => [...s].sort((a, b) => a - b);

// The first fire time strictly after `after`, or null when none comes within ten years.
export function nextCronTime(cron: Cron, after: Date): Date | null {
  const start = new Date(Math.floor(after.getTime() / 1000) * 1000 + 1000);
  const [hours, minutes, seconds] = [sorted(cron.hours), sorted(cron.minutes), sorted(cron.seconds)];
  const day = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate()));
  for (let i = 0; i < 3700; i++, day.setUTCDate(day.getUTCDate() + 1)) {
    if (cron.years && !cron.years.has(day.getUTCFullYear())) continue;
    if (!cron.months.has(day.getUTCMonth() + 1)) continue;
    if (cron.dom && !cron.dom.has(day.getUTCDate())) continue;
    if (cron.dow && !cron.dow.has(day.getUTCDay() + 1)) continue;
    for (const h of hours) for (const m of minutes) for (const s of seconds) {
      const at = new Date(day.getTime() + ((h * 60 + m) * 60 + s) * 1000);
      if (at >= start) return at;
    }
  }
  return null;
}

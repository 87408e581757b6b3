// Times as the keys table shows them: exact UTC, and relative with the exact time on hover or focus.
const UTC = new Intl.DateTimeFormat("en-GB", {
  timeZone: "UTC", year: "numeric", month: "short", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false,
});

export function formatUtc(date: Date): string {
  return `${UTC.format(date)} UTC`;
}

const RELATIVE = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [["second", 60], ["minute", 60], ["hour", 24], ["day", 30], ["month", 12], ["year", Infinity]];

export function formatRelative(date: Date, now: Date): string {
  let value = (date.getTime() - now.getTime()) / 1000;
  if (Math.abs(value) < 45) return "just now";
  for (const [unit, size] of STEPS) {
    if (Math.abs(value) < size) return RELATIVE.format(Math.round(value), unit);
    value /= size;
  }
  return formatUtc(date);
}

export function RelativeTime({ date, now, id }: { date: Date; now: Date; id: string }) {
  return (
    <span className="group relative inline-block">
      <time dateTime={date.toISOString()} tabIndex={0} aria-describedby={id} className="cursor-help underline decoration-dotted">
        {formatRelative(date, now)}
      </time>
      <span role="tooltip" id={id}
        className="invisible absolute bottom-full left-0 z-10 mb-1 whitespace-nowrap rounded bg-slate-900 dark:bg-slate-950 px-2 py-1 text-xs text-white group-hover:visible group-focus-within:visible">
        {formatUtc(date)}
      </span>
    </span>
  );
}

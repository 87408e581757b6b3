// `npm run bench`: every benchmark in turn, then one table. Add a benchmark by adding its module here.
import type { BenchRow } from "./measure";

const BENCHES: [string, () => Promise<{ run: () => Promise<BenchRow[]> }>][] = [
  ["verify", () => import("./verify")],
  ["settings-page", () => import("./settings-page")],
  ["http", () => import("./http")],
  ["replication", () => import("./replication")],
];

const only = process.argv[2];
const rows: BenchRow[] = [];
for (const [name, load] of BENCHES) {
  if (only && !name.includes(only)) continue;
  console.error(`running ${name}…`);
  rows.push(...(await (await load()).run()));
}
console.table(
  rows.map((r) => ({
    bench: r.bench,
    variant: r.variant,
    "calls/s": r.callsPerSecond !== undefined ? Math.round(r.callsPerSecond) : "",
    value: r.value ?? "",
    "× baseline": r.ratio !== undefined ? r.ratio.toFixed(2) : "",
  })),
);

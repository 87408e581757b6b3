// Timing helpers shared by the benchmarks.
export type BenchRow = { bench: string; variant: string; callsPerSecond?: number; value?: string; ratio?: number };

// Calls per second of fn, run back to back (awaited) for about `ms` after a short warm-up.
export async function callsPerSecond(fn: () => Promise<void> | void, ms = 1_500): Promise<number> {
  for (let i = 0; i < 200; i++) await fn();
  let calls = 0;
  const start = performance.now();
  while (performance.now() - start < ms) {
    for (let i = 0; i < 50; i++) await fn();
    calls += 50;
  }
  return calls / ((performance.now() - start) / 1000);
}

// Child process of bench/replication.ts: runs the engine on the plan read from stdin and prints the outcome,
// the elapsed time and its own peak RSS (VmHWM), so the figure is the engine's alone.
import { readFileSync } from "node:fs";
import { runReplication } from "../lib/replication/engine/run";
import type { ReplicationPlan } from "../lib/replication/engine/types";

const plan = JSON.parse(readFileSync(0, "utf8")) as ReplicationPlan;
const noop = () => {};
const start = performance.now();
// BENCH_VERBOSE=1: the engine's log lines with the elapsed time, to see where the time goes.
const log = process.env.BENCH_VERBOSE
  ? (l: { from: string; level: string; message: string }) => console.error(`${((performance.now() - start) / 1000).toFixed(3)}s ${l.from} - ${l.level} ${l.message}`)
  : noop;
const outcome = await runReplication(plan, { log, progress: noop, committed: async () => {}, streamFailed: noop }, new AbortController().signal);
const seconds = (performance.now() - start) / 1000;
const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"));
const cpu = process.cpuUsage();
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
process.stdout.write(JSON.stringify({ outcome, seconds, cpuSeconds, peakRssMb: hwm ? Number(hwm[1]) / 1024 : null }));

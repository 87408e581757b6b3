// The app's queue and in-process worker (one per process), over the app's database and secret box.
import "server-only";
import { connectServices } from "../connect/services";
import { databaseKind, databaseUrl } from "../db/url";
import { runReplication } from "../replication/engine/run";
import { localQueue } from "./local-queue";
import { pgBossQueue } from "./pg-boss-queue";
import type { JobQueue } from "./queue";
import { startWorker, type Worker } from "./worker";

const g = globalThis as unknown as { bobbinQueue?: JobQueue; bobbinWorker?: Promise<Worker> };

// Whether this process runs a worker: yes unless WORKERS=0.
export const workersEnabled = () => process.env.WORKERS !== "0";

// The process's queue (pg-boss on PostgreSQL; maintenance only where a worker runs).
export function appQueue(): JobQueue {
  const url = databaseUrl();
  g.bobbinQueue ??= databaseKind(url) === "postgres" ? pgBossQueue(url, { supervise: workersEnabled() }) : localQueue(connectServices().db);
  return g.bobbinQueue;
}

// Start this process's worker once. Inside Next, no signal handler of ours: Next exits on SIGTERM itself, and a job
// cut short there is reported failed by another worker's reaper (npm run worker stops gracefully instead).
export function startAppWorker(): Promise<Worker> {
  g.bobbinWorker ??= startWorker({ ...connectServices(), engine: runReplication }, appQueue()).catch((error: unknown) => {
    g.bobbinWorker = undefined;
    throw error;
  });
  return g.bobbinWorker;
}

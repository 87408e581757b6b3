// A replication worker: takes jobs from the queue, runs them, and reaps jobs whose worker died.
import "server-only";
import type { RunnerDeps } from "../replication/runner";
import { runJob } from "../replication/runner";
import { recordInterruptedChecks } from "../connect/checks";
import { announceWaitingJobs, reapStaleJobs, STALE_AFTER_MS } from "../replication/jobs";
import type { JobQueue } from "./queue";
import { onSchedulerTick, startScheduler } from "./scheduler";
import { sendExpiryNotices } from "../api-keys/expiry-notice";
import { notifyRunOutcome } from "../replication/notify";
import { settlePostLoadHooks } from "../replication/post-load";

// How long a graceful stop waits for post-load deliveries in flight (retries further away are dropped).
const HOOK_DRAIN_MS = 10_000;

export type Worker = { stop(): Promise<void> };

// API keys expiring within 7 days: their owners are emailed once (when SMTP_URL is set).
onSchedulerTick({ name: "api-key-expiry-notices", everyMs: 60_000, run: (db, now) => sendExpiryNotices(db, now) });

// Start working; stop() aborts running jobs (each ends recorded, bookmarks as last committed) and waits for them,
// then up to HOOK_DRAIN_MS for the post-load deliveries still going.
// Each worker also runs the scheduler (SCHEDULER=0 turns it off in this process).
export async function startWorker(deps: RunnerDeps, queue: JobQueue, options: { concurrency?: number; scheduler?: boolean } = {}): Promise<Worker> {
  const shutdown = new AbortController();
  // Reap jobs and connection checks of dead processes; announce again jobs left queued (their queue entry was
  // taken by a worker that died).
  const reap = () =>
    Promise.all([reapStaleJobs(deps.db), recordInterruptedChecks(deps.db)])
      .then(() => announceWaitingJobs(deps.db, (name) => queue.enqueue(name)))
      .catch((error: Error) => console.error(`worker: reaping failed: ${error.message.split("\n")[0]}`));
  await reap();
  const reaper = setInterval(reap, Math.max(1_000, Math.floor(STALE_AFTER_MS / 2)));
  reaper.unref?.();
  await queue.work(async (jobName) => {
    if (shutdown.signal.aborted) return;
    await runJob(deps, jobName, shutdown.signal);
    await notifyRunOutcome(deps.db, jobName).catch((error: Error) => console.error(`worker: failure notice not sent: ${error.message.split("\n")[0]}`));
  }, options.concurrency ?? Number(process.env.WORKER_CONCURRENCY ?? 2));
  const stopScheduler = (options.scheduler ?? process.env.SCHEDULER !== "0") ? startScheduler(deps.db, queue) : () => {};
  return {
    async stop() {
      stopScheduler();
      clearInterval(reaper);
      shutdown.abort();
      await queue.stop();
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([settlePostLoadHooks(), new Promise((resolve) => (timer = setTimeout(resolve, HOOK_DRAIN_MS)))]);
      clearTimeout(timer);
    },
  };
}

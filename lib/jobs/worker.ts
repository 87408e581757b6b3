// A replication worker: takes jobs from the queue, runs them, and reaps jobs whose worker died.
import type { RunnerDeps } from "../replication/runner";
import { runJob } from "../replication/runner";
import { announceWaitingJobs, reapStaleJobs, STALE_AFTER_MS } from "../replication/jobs";
import type { JobQueue } from "./queue";

export type Worker = { stop(): Promise<void> };

// Start working; stop() aborts running jobs (each ends recorded, bookmarks as last committed) and waits for them.
export async function startWorker(deps: RunnerDeps, queue: JobQueue, options: { concurrency?: number } = {}): Promise<Worker> {
  const shutdown = new AbortController();
  // Reap jobs of dead workers; announce again jobs left queued (their queue entry was taken by a worker that died).
  const reap = () =>
    reapStaleJobs(deps.db)
      .then(() => announceWaitingJobs(deps.db, (name) => queue.enqueue(name)))
      .catch((error: Error) => console.error(`worker: reaping failed: ${error.message.split("\n")[0]}`));
  await reap();
  const reaper = setInterval(reap, Math.max(1_000, Math.floor(STALE_AFTER_MS / 2)));
  reaper.unref?.();
  await queue.work(async (jobName) => {
    if (shutdown.signal.aborted) return;
    await runJob(deps, jobName, shutdown.signal);
  }, options.concurrency ?? Number(process.env.WORKER_CONCURRENCY ?? 2));
  return {
    async stop() {
      clearInterval(reaper);
      shutdown.abort();
      await queue.stop();
    },
  };
}

// The in-process queue (SQLite): workers poll the job table for queued jobs, and wake at once on enqueue.
import "server-only";
import type { Db } from "../db/factory";
import type { JobHandler, JobQueue } from "./queue";

export const POLL_MS = 1_000;

// A queue over the job table itself: any process sharing the database file may work, the claim is atomic.
export function localQueue(db: Db, pollMs = POLL_MS): JobQueue {
  let handler: JobHandler | null = null;
  let limit = 1;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  let polling = false;
  const active = new Map<string, Promise<void>>();

  async function poll() {
    if (!handler || stopped || polling || active.size >= limit) return;
    polling = true;
    try {
      const queued = await db.replicationJob.findMany({ where: { status: "queued" }, orderBy: { id: "asc" }, take: limit + active.size, select: { jobName: true } });
      for (const { jobName } of queued) {
        if (active.size >= limit || active.has(jobName)) continue;
        const run = handler(jobName)
          .catch((error: Error) => console.error(`worker: job ${jobName} failed to run: ${error.message.split("\n")[0]}`))
          .finally(() => {
            active.delete(jobName);
            void poll();
          });
        active.set(jobName, run);
      }
    } catch (error) {
      console.error(`worker: polling the job table failed: ${(error as Error).message.split("\n")[0]}`);
    } finally {
      polling = false;
    }
  }

  return {
    kind: "local",
    async enqueue() {
      void poll();
    },
    async work(h, concurrency) {
      handler = h;
      limit = Math.max(1, concurrency);
      timer = setInterval(() => void poll(), pollMs);
      timer.unref?.();
      await poll();
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      await Promise.allSettled([...active.values()]);
    },
  };
}

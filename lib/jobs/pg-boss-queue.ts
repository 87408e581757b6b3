// The PostgreSQL queue: pg-boss (its own schema in the app database); any number of worker processes on any
// number of hosts share the work.
import "server-only";
import PgBoss from "pg-boss";
import { QUEUE_NAME, type JobHandler, type JobQueue } from "./queue";

// One job runs at most a day (the original terminates extractions after 24 h; pg-boss allows just under).
const EXPIRE_SECONDS = 24 * 60 * 60 - 60;

async function ensureQueue(boss: PgBoss): Promise<void> {
  if (await boss.getQueue(QUEUE_NAME)) return;
  try {
    // No pg-boss retries: a failed job is reported as failed; the reaper handles dead workers.
    // "short": at most one waiting entry per singletonKey (the job name), so announcing a job again is harmless.
    await boss.createQueue(QUEUE_NAME, { name: QUEUE_NAME, policy: "short", retryLimit: 0, expireInSeconds: EXPIRE_SECONDS });
  } catch (error) {
    if (!(await boss.getQueue(QUEUE_NAME))) throw error; // another process created it first: fine
  }
}

// A pg-boss queue on the given database; started lazily on first use.
export function pgBossQueue(connectionString: string, options: { supervise: boolean } = { supervise: true }): JobQueue {
  const boss = new PgBoss({ connectionString, schema: "pgboss", max: 3, supervise: options.supervise, schedule: false });
  boss.on("error", (error: Error) => console.error(`pg-boss: ${error.message.split("\n")[0]}`));
  let started: Promise<void> | null = null;
  const start = () => (started ??= boss.start().then(() => ensureQueue(boss)));

  return {
    kind: "pg-boss",
    async enqueue(jobName) {
      await start();
      await boss.send(QUEUE_NAME, { jobName }, { singletonKey: jobName });
    },
    async work(handler: JobHandler, concurrency) {
      await start();
      for (let i = 0; i < Math.max(1, concurrency); i++) {
        await boss.work<{ jobName: string }>(QUEUE_NAME, { batchSize: 1, pollingIntervalSeconds: 1 }, async ([job]) => {
          await handler(job.data.jobName);
        });
      }
    },
    async stop() {
      if (!started) return;
      await boss.stop({ graceful: true, wait: true, timeout: 30_000 });
    },
  };
}

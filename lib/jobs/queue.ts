// The job queue's one contract. The job record (ReplicationJob) is the truth; the queue only tells workers
// which job to look at. Two engines: pg-boss on PostgreSQL, a polling in-process queue on SQLite.
export type JobHandler = (jobName: string) => Promise<void>;

export interface JobQueue {
  readonly kind: "pg-boss" | "local";
  // Tell the workers a job was queued (its record exists, status "queued").
  enqueue(jobName: string): Promise<void>;
  // Start taking jobs in this process, `concurrency` at a time.
  work(handler: JobHandler, concurrency: number): Promise<void>;
  // Stop taking jobs and release connections; resolves once running handlers have returned.
  stop(): Promise<void>;
}

export const QUEUE_NAME = "replication-jobs";

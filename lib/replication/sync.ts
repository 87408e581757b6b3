// Start and stop a source's replication job (POST/DELETE /sync, the console): the record, the queue, the audit event.
import "server-only";
import type { Db } from "../db/factory";
import { recordEvent, type AuditActor, type RequestMeta } from "../audit/events";
import type { JobQueue } from "../jobs/queue";
import { fail, ok, type Result } from "../result";
import { formatLogLine } from "./job-log";
import { createJob, requestStop, type StartOutcome } from "./jobs";

export type SyncActor = AuditActor & { type: "key" | "member" };

function actorLabel(actor: SyncActor): string {
  return actor.type === "member" ? actor.email : `API key ending ${actor.last4}`;
}

async function sourceLabel(db: Db, accountId: number, sourceId: number): Promise<string> {
  const source = await db.source.findFirst({ where: { id: sourceId, accountId }, select: { name: true } });
  return `source ${sourceId} (${source?.name ?? "?"})`;
}

// Queue a job for the source and tell the workers; the event is written once the job exists.
export async function startSync(db: Db, queue: JobQueue, accountId: number, sourceId: number, actor: SyncActor, meta?: RequestMeta): Promise<StartOutcome> {
  const started = await createJob(db, accountId, sourceId, { trigger: actor.type === "member" ? "console" : "api", actorLabel: actorLabel(actor) });
  if (!started.ok) return started;
  await recordEvent(db, { accountId, action: "job.started", actor, target: { type: "source", label: `${await sourceLabel(db, accountId, sourceId)}: ${started.value.jobName}` }, meta });
  try {
    await queue.enqueue(started.value.jobName);
  } catch (error) {
    // Without a queue entry no worker would take it: fail it now rather than leave the source blocked.
    const now = new Date();
    const line = formatLogLine({ from: "main", level: "CRITICAL", message: "The job could not be queued." }, now);
    await db.replicationJob.updateMany({
      where: { id: started.value.jobId, status: "queued" },
      data: { status: "failed", completedAt: now, runningSourceId: null, discoveryExitStatus: 1, discoveryDescription: "The job could not be queued.", log: `${line}\n` },
    });
    throw error;
  }
  return started;
}

// Ask the source's running (or queued) job to stop; an event is written when there was one.
export async function stopSync(db: Db, accountId: number, sourceId: number, actor: SyncActor, meta?: RequestMeta): Promise<Result<{ stopped: boolean }, "invalid_source">> {
  const exists = await db.source.findFirst({ where: { id: sourceId, accountId }, select: { id: true } });
  if (!exists) return fail("invalid_source", `Unable to locate source(${sourceId}) for client (${accountId})`);
  const stopped = await requestStop(db, accountId, sourceId);
  if (stopped) await recordEvent(db, { accountId, action: "job.stopped", actor, target: { type: "source", label: await sourceLabel(db, accountId, sourceId) }, meta });
  return ok({ stopped });
}

// Run one replication job: claim it, build the plan, drive the engine with heartbeats, persist bookmarks, finish.
import type { SecretBox } from "../crypto/secret-box";
import type { Db } from "../db-client";
import type { EngineEvents, EngineOutcome, ReplicationPlan } from "./engine/types";
import { JobLog, exitStatusLine } from "./job-log";
import { beat, claimJob, finishJob, HEARTBEAT_MS, type Finish } from "./jobs";
import { recordCommit, recordStreamFailure } from "./load-state";
import { prepareJob } from "./prepare";

export type RunEngine = (plan: ReplicationPlan, events: EngineEvents, signal: AbortSignal) => Promise<EngineOutcome>;
export type RunnerDeps = { db: Db; box: SecretBox; engine: RunEngine };

const ok = { exitStatus: 0, description: null };
const step = (exitStatus: number | null, description: string | null) => ({ exitStatus, description });

// Run a queued job to its end; `shutdown` aborts it when the worker stops. Returns the final status, or null if not claimed.
export async function runJob(deps: RunnerDeps, jobName: string, shutdown?: AbortSignal): Promise<Finish["status"] | null> {
  const { db } = deps;
  const job = await claimJob(db, jobName);
  if (!job) return null;
  const log = new JobLog(job.log);
  const progress: Record<string, number> = {};
  const controller = new AbortController();
  let stopAsked = job.stopRequestedAt !== null;
  const onShutdown = () => controller.abort();
  shutdown?.addEventListener("abort", onShutdown, { once: true });
  log.add({ from: "main", level: "INFO", message: `Starting replication job ${jobName}` });
  const timer = setInterval(() => {
    beat(db, job.id, progress, log.toString())
      .then(({ stop }) => {
        if (stop && !controller.signal.aborted) {
          stopAsked = true;
          controller.abort();
        }
      })
      .catch((error: Error) => console.error(`job ${jobName}: heartbeat failed: ${error.message.split("\n")[0]}`));
  }, HEARTBEAT_MS);
  timer.unref?.();
  let end: Omit<Finish, "log" | "progress" | "rows">;
  let rows = 0;
  try {
    const prepared = stopAsked ? null : await prepareJob(deps, job, log);
    if (!prepared) end = stopped();
    else if (!prepared.ok) end = failedAt(prepared.step, prepared.message);
    else {
      const outcome = await deps.engine(prepared.plan, engineEvents(db, prepared.sourceId, prepared.plan, log, progress), controller.signal);
      // The engine logs "replicated N records from …" and the State update lines itself.
      rows = outcome.streams.reduce((sum, s) => sum + s.rows, 0);
      if (outcome.status === "succeeded") end = { status: "succeeded", discovery: ok, tap: ok, target: ok };
      else if (outcome.status === "stopped" && stopAsked) end = stopped();
      else if (outcome.status === "stopped") end = failedAt("tap", "Interrupted: the worker shut down.");
      else end = failedAt(outcome.failedStep ?? "tap", outcome.message ?? "A stream failed.");
    }
  } catch (error) {
    end = failedAt("tap", firstLine(error));
  } finally {
    clearInterval(timer);
    shutdown?.removeEventListener("abort", onShutdown);
  }
  if (end.status === "failed") log.add({ from: "main", level: "CRITICAL", message: (end.tap.description ?? end.target.description) as string });
  log.add({ from: "main", level: "INFO", message: exitStatusLine(end.discovery, end.tap, end.target) });
  await finishJob(db, job.id, { ...end, rows, progress, log: log.toString() });
  return end.status;
}

function stopped(): Omit<Finish, "log" | "progress" | "rows"> {
  return { status: "stopped", discovery: ok, tap: step(null, "Stopped"), target: step(null, "Stopped") };
}

function failedAt(which: "tap" | "target", message: string): Omit<Finish, "log" | "progress" | "rows"> {
  const failed = step(1, message.slice(0, 2000));
  return which === "tap" ? { status: "failed", discovery: ok, tap: failed, target: ok } : { status: "failed", discovery: ok, tap: ok, target: failed };
}

const firstLine = (error: unknown) => String((error as Error)?.message ?? error).split("\n")[0].slice(0, 500);

// The engine's callbacks: log lines, rows so far, each commit's bookmark and load state, stream failures.
function engineEvents(db: Db, sourceId: number, plan: ReplicationPlan, log: JobLog, progress: Record<string, number>): EngineEvents {
  const committedRows: Record<string, number> = {};
  return {
    log: (line) => log.add(line),
    progress: (tapStreamId, rowsSoFar) => {
      progress[tapStreamId] = rowsSoFar;
    },
    committed: async (batch) => {
      await recordCommit(db, sourceId, plan.streams.find((s) => s.tapStreamId === batch.tapStreamId), batch);
      // Committed rows count as progress too (the engine reports reads only every few thousand rows).
      committedRows[batch.tapStreamId] = (committedRows[batch.tapStreamId] ?? 0) + batch.rows;
      progress[batch.tapStreamId] = Math.max(progress[batch.tapStreamId] ?? 0, committedRows[batch.tapStreamId]);
    },
    streamFailed: (failure) => {
      log.add({ from: failure.phase === "load" ? "target" : "tap", level: "ERROR", message: `${failure.tapStreamId}: ${failure.message}` });
      recordStreamFailure(db, sourceId, failure).catch((error: Error) => console.error(`load state not recorded: ${error.message.split("\n")[0]}`));
    },
  };
}

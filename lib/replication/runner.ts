// Run one replication job: claim it, build the plan, drive the engine with heartbeats, persist bookmarks, finish.
import "server-only";
import type { SecretBox } from "../crypto/secret-box";
import type { Db } from "../db/factory";
import { scrub } from "./engine/sessions";
import type { EngineEvents, EngineOutcome, ReplicationPlan } from "./engine/types";
import { JobLog, exitStatusLine } from "./job-log";
import { beat, claimJob, finishJob, HEARTBEAT_MS, maxJobMs, STALE_AFTER_MS, stillRunning, TERMINATED, type Finish } from "./jobs";
import { recordCommit, recordStreamFailure } from "./load-state";
import { LoadTally, sendPostLoadHooks, type HookSettings, type JobLoadContext } from "./post-load";
import { prepareJob } from "./prepare";

export type RunEngine = (plan: ReplicationPlan, events: EngineEvents, signal: AbortSignal) => Promise<EngineOutcome>;
// hooks: settings of the post-load deliveries (defaults: lib/notifications/deliver).
export type RunnerDeps = { db: Db; box: SecretBox; engine: RunEngine; hooks?: HookSettings };
// beforeCommit: awaited by the engine before each destination COMMIT; throwing fails the stream (rolled back).
type RunnerEvents = EngineEvents & { beforeCommit?: () => Promise<void> };
type End = Omit<Finish, "log" | "progress" | "rows">;
// Why the runner aborted the engine: a stop request, the worker's shutdown, lost heartbeats, or the maximum duration.
type Abort = "stop" | "shutdown" | "lost" | "timeout";

const ok = { exitStatus: 0, description: null };
const step = (exitStatus: number | null, description: string | null) => ({ exitStatus, description });
const killed = step(null, TERMINATED);

// Run a queued job to its end; `shutdown` aborts it when the worker stops. Returns the final status, or null if not
// claimed. Tables loaded in the job are announced to the destination's post-load hooks afterwards, in the background.
export async function runJob(deps: RunnerDeps, jobName: string, shutdown?: AbortSignal): Promise<Finish["status"] | null> {
  const { db } = deps;
  const job = await claimJob(db, jobName);
  if (!job) return null;
  const log = new JobLog(job.log);
  const progress: Record<string, number> = {};
  const controller = new AbortController();
  let why: Abort | null = job.stopRequestedAt !== null ? "stop" : null;
  const abort = (reason: Abort) => {
    if (controller.signal.aborted) return;
    why = reason;
    controller.abort();
  };
  const onShutdown = () => abort("shutdown");
  shutdown?.addEventListener("abort", onShutdown, { once: true });
  log.add({ from: "main", level: "INFO", message: `Starting replication job ${jobName}` });
  let lastBeat = Date.now();
  let beating = false;
  const timer = setInterval(() => {
    // Beats failing for half the stale time: the reaper may take the job soon, so stop writing to the destination.
    if (Date.now() - lastBeat > STALE_AFTER_MS / 2) abort("lost");
    if (beating) return;
    beating = true;
    beat(db, job.id, progress, log.toString())
      .then(({ stop }) => {
        lastBeat = Date.now();
        if (stop) abort("stop");
      })
      .catch((error: Error) => console.error(`job ${jobName}: heartbeat failed: ${error.message.split("\n")[0]}`))
      .finally(() => (beating = false));
  }, HEARTBEAT_MS);
  timer.unref?.();
  const deadline = setTimeout(() => abort("timeout"), maxJobMs());
  deadline.unref?.();
  const failures: Promise<void>[] = [];
  let secrets: (string | undefined)[] = [];
  let end: End;
  let rows = 0;
  let loads: { job: JobLoadContext; tally: LoadTally } | null = null;
  try {
    const prepared = why === "stop" ? null : await prepareJob(deps, job, log);
    if (!prepared) end = stopped();
    else if (!prepared.ok) end = failedAt(prepared.step, prepared.message);
    else {
      secrets = [prepared.plan.source.password, prepared.plan.destination.password];
      const { plan, sourceId, destinationId, source } = prepared;
      const context = { accountId: job.accountId, jobName, sourceId, sourceName: plan.destinationSchema, sourceDisplayName: source.displayName, sourceType: source.type, destinationId };
      loads = { job: context, tally: new LoadTally(plan.streams) };
      const events = engineEvents(db, { jobId: job.id, sourceId, plan, log, progress, failures, tally: loads.tally });
      const outcome = await deps.engine(prepared.plan, events, controller.signal);
      // The engine logs "replicated N records from …" and the State update lines itself.
      rows = outcome.streams.reduce((sum, s) => sum + s.rows, 0);
      if (outcome.status === "succeeded") end = { status: "succeeded", discovery: ok, tap: ok, target: ok };
      else if (why) end = aborted(why);
      else end = failedAt(outcome.failedStep ?? "tap", outcome.message ?? "A stream failed.");
    }
  } catch (error) {
    end = why ? aborted(why) : failedAt("tap", firstLine(error));
  } finally {
    clearInterval(timer);
    clearTimeout(deadline);
    shutdown?.removeEventListener("abort", onShutdown);
  }
  end = scrubEnd(end, secrets);
  const critical = end.tap.description ?? end.target.description;
  if (end.status === "failed" && critical) log.add({ from: "main", level: "CRITICAL", message: critical });
  log.add({ from: "main", level: "INFO", message: exitStatusLine(end.discovery, end.tap, end.target) });
  // Load states of failed streams are written before the job is reported finished.
  await Promise.allSettled(failures);
  await finishJob(db, job.id, { ...end, rows, progress, log: log.toString() });
  if (loads) sendPostLoadHooks(deps, loads.job, loads.tally.loaded());
  return end.status;
}

function stopped(): End {
  return { status: "stopped", discovery: ok, tap: step(null, "Stopped"), target: step(null, "Stopped") };
}

// How an aborted job ends: a stop request → stopped; the maximum duration → terminated as the original's killed job.
function aborted(why: Abort): End {
  if (why === "stop") return stopped();
  if (why === "timeout") return { status: "failed", discovery: killed, tap: killed, target: killed };
  if (why === "lost") return failedAt("tap", "Interrupted: the worker lost contact with the job database.");
  return failedAt("tap", "Interrupted: the worker shut down.");
}

// A failed tap means the target did not run to an end: its exit status is null.
function failedAt(which: "tap" | "target", message: string): End {
  const failed = step(1, message.slice(0, 2000));
  return which === "tap" ? { status: "failed", discovery: ok, tap: failed, target: step(null, null) } : { status: "failed", discovery: ok, tap: ok, target: failed };
}

function scrubEnd(end: End, secrets: (string | undefined)[]): End {
  const clean = (s: { exitStatus: number | null; description: string | null }) => ({ ...s, description: s.description && scrub(s.description, secrets) });
  return { ...end, discovery: clean(end.discovery), tap: clean(end.tap), target: clean(end.target) };
}

const firstLine = (error: unknown) => String((error as Error)?.message ?? error).split("\n")[0].slice(0, 500);

type JobState = {
  jobId: number;
  sourceId: number;
  plan: ReplicationPlan;
  log: JobLog;
  progress: Record<string, number>;
  failures: Promise<void>[];
  tally: LoadTally;
};

// The engine's callbacks: log lines, rows so far, each commit's bookmark and load state, stream failures.
function engineEvents(db: Db, { jobId, sourceId, plan, log, progress, failures, tally }: JobState): RunnerEvents {
  const committedRows: Record<string, number> = {};
  return {
    log: (line) => log.add(line),
    progress: (tapStreamId, rowsSoFar) => {
      progress[tapStreamId] = rowsSoFar;
    },
    // A job reaped meanwhile (or finished by anyone else) must not commit: another run may own the source now.
    beforeCommit: async () => {
      if (!(await stillRunning(db, jobId))) throw new Error("The job is no longer running (reaped or stopped); not committing.");
    },
    committed: async (batch) => {
      await recordCommit(db, sourceId, plan.streams.find((s) => s.tapStreamId === batch.tapStreamId), batch);
      tally.committed(batch);
      // Committed rows count as progress too (the engine reports reads only every few thousand rows).
      committedRows[batch.tapStreamId] = (committedRows[batch.tapStreamId] ?? 0) + batch.rows;
      progress[batch.tapStreamId] = Math.max(progress[batch.tapStreamId] ?? 0, committedRows[batch.tapStreamId]);
    },
    streamFailed: (failure) => {
      log.add({ from: failure.phase === "load" ? "target" : "tap", level: "ERROR", message: `${failure.tapStreamId}: ${failure.message}` });
      tally.streamFailed(failure.tapStreamId);
      failures.push(recordStreamFailure(db, sourceId, failure).catch((error: Error) => console.error(`load state not recorded: ${error.message.split("\n")[0]}`)));
    },
  };
}

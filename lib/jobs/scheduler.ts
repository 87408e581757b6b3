// The scheduler: starts each due scheduled job once across all instances and workers. A due slot is claimed by
// moving the source's next_fire_at with a guarded UPDATE (only the claimer whose UPDATE matched starts the job);
// a slot whose source still runs is skipped; paused and deleted sources have no slot and never match.
import "server-only";
import { recordEvent } from "../audit/events";
import type { Db } from "../db/factory";
import { createJob } from "../replication/jobs";
import { nextFireTime, scheduleOf } from "./schedule";
import type { JobQueue } from "./queue";

export const TICK_MS = Number(process.env.SCHEDULER_TICK_MS ?? 10_000);

export type Clock = () => Date;
export type Fired = { started: string[]; skipped: number[] };

const ACTIVE = { deletedAt: null, pausedAt: null } as const;

// Other periodic work riding the tick (e.g. API key expiry notices), each at most once per `everyMs` per process.
export type TickTask = { name: string; everyMs: number; run: (db: Db, now: Date) => Promise<unknown> };
const tickTasks: TickTask[] = [];

export function onSchedulerTick(task: TickTask): void {
  if (!tickTasks.some((t) => t.name === task.name)) tickTasks.push(task);
}

// Claim every due slot (moving it to the next one) and start a job for each claimed slot.
export async function fireDueSchedules(db: Db, queue: JobQueue, now: Date = new Date()): Promise<Fired> {
  const due = await db.source.findMany({
    where: { ...ACTIVE, nextFireAt: { lte: now }, streams: { some: { selected: true } } },
    orderBy: { nextFireAt: "asc" },
    take: 100,
    select: { id: true, accountId: true, name: true, properties: true, nextFireAt: true },
  });
  const fired: Fired = { started: [], skipped: [] };
  for (const source of due) {
    const next = nextFireTime(scheduleOf(JSON.parse(source.properties || "{}")), now, now);
    const claimed = await db.source.updateMany({
      where: { id: source.id, ...ACTIVE, nextFireAt: source.nextFireAt },
      data: { nextFireAt: next && new Date(Math.ceil(next.getTime() / 1000) * 1000) },
    });
    if (claimed.count !== 1) continue; // another claimer took this slot
    const started = await createJob(db, source.accountId, source.id, { trigger: "schedule", actorLabel: "Schedule" });
    if (!started.ok) {
      fired.skipped.push(source.id); // a run still going: the slot passes silently, as in the original
      continue;
    }
    await recordEvent(db, {
      accountId: source.accountId,
      action: "job.started",
      actor: { type: "system", label: "Schedule" },
      target: { type: "source", label: `source ${source.id} (${source.name}): ${started.value.jobName}` },
    });
    await queue.enqueue(started.value.jobName);
    fired.started.push(started.value.jobName);
  }
  return fired;
}

// Tick every `tickMs` in this process (every worker runs one; the claim keeps starts unique). Returns a stop function.
export function startScheduler(db: Db, queue: JobQueue, options: { tickMs?: number; clock?: Clock } = {}): () => void {
  const clock = options.clock ?? (() => new Date());
  let running = false;
  const lastRun = new Map<string, number>();
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await fireDueSchedules(db, queue, clock());
    } catch (error) {
      console.error(`scheduler: ${(error as Error).message.split("\n")[0]}`);
    } finally {
      running = false;
    }
    for (const task of tickTasks) {
      const now = clock();
      if (now.getTime() - (lastRun.get(task.name) ?? -Infinity) < task.everyMs) continue;
      lastRun.set(task.name, now.getTime());
      await task.run(db, now).catch((error: Error) => console.error(`scheduler: ${task.name}: ${error.message.split("\n")[0]}`));
    }
  };
  const timer = setInterval(() => void tick(), options.tickMs ?? TICK_MS);
  timer.unref?.();
  void tick();
  return () => clearInterval(timer);
}

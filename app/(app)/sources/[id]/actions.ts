"use server";
// Server actions of a source's Replication panel: run now, stop, the state it polls while a run goes, its schedule.
import { z } from "zod";
import { changeBy } from "@/app/(app)/_lib/change-by";
import { serverAction } from "@/app/_lib/action";
import { db } from "@/lib/db";
import { appQueue } from "@/lib/jobs/app-jobs";
import { replicationOverview } from "@/lib/replication/overview";
import { startSync, stopSync, type SyncActor } from "@/lib/replication/sync";
import type { Member } from "@/lib/members";
import { fail, ok } from "@/lib/result";
import { sourceTargetSchema } from "@/lib/validation/sources";
import { connectServices } from "@/lib/connect/services";
import { updateSource } from "@/lib/connect/sources";

const NOT_FOUND = "The source was not found.";
const onSource = { schema: sourceTargetSchema, caller: "member", invalid: NOT_FOUND } as const;
const syncActor = (member: Member): SyncActor => ({ type: "member", userId: member.userId, email: member.email });

// Start a replication job of the source now, as POST /v4/sources/{id}/sync does.
export const runSourceAction = serverAction({
  ...onSource,
  run: async ({ sourceId }, { caller, meta }) => {
    const started = await startSync(db, appQueue(), caller.workspaceId, sourceId, syncActor(caller), meta);
    if (started.ok) return ok({ jobName: started.jobName });
    return fail(started.type, started.type === "already_running" ? "A run of this source is already queued or running." : started.message);
  },
  reply: (value) => value,
});

// Ask the source's running job to stop, as DELETE /v4/sources/{id}/sync does.
export const stopSourceAction = serverAction({
  ...onSource,
  run: async ({ sourceId }, { caller, meta }) => {
    const stopped = await stopSync(db, caller.workspaceId, sourceId, syncActor(caller), meta);
    if (!stopped.ok) return fail("not_found", NOT_FOUND);
    return stopped.stopped ? ok(undefined) : fail("not_running", "No run of this source is going.");
  },
});

// The panel's state (polled every 2 s while a run is queued or going).
export const replicationStateAction = serverAction({
  ...onSource,
  read: true,
  run: async ({ sourceId }, { caller }) => {
    const overview = await replicationOverview(db, caller.workspaceId, sourceId);
    return overview ? ok(overview) : fail("not_found", NOT_FOUND);
  },
  reply: (overview) => overview,
});

const scheduleFormSchema = sourceTargetSchema.extend({
  mode: z.enum(["interval", "cron"]),
  frequency: z.string().max(10).default(""),
  anchor: z.union([z.literal(""), z.string().regex(/^\d\d:\d\d$/)]).default(""),
  cron: z.string().max(200).default(""),
});

// Set the source's schedule: the same properties PUT /v4/sources/{id} takes (a mode's other properties cleared).
export const saveScheduleAction = serverAction({
  schema: scheduleFormSchema,
  caller: "member",
  invalid: "Choose a frequency (with an optional anchor time) or enter a cron expression.",
  run: ({ sourceId, mode, frequency, anchor, cron }, context) => {
    const properties: Record<string, string | null> =
      mode === "cron"
        ? { cron_expression: cron.trim() }
        : { frequency_in_minutes: frequency, anchor_time: anchor ? `2000-01-01T${anchor}:00Z` : null, cron_expression: null };
    return updateSource(connectServices(), context.caller.workspaceId, sourceId, { properties }, changeBy(context));
  },
});

"use server";
// Server actions of a source's Replication panel: run now, stop, the state it polls while a run goes, its schedule.
import { z } from "zod";
import { memberAction } from "@/app/_lib/action";
import { changeByMember } from "@/app/(app)/_lib/change-by";
import { connectServices } from "@/lib/connect/services";
import { updateSource } from "@/lib/connect/sources";
import { db } from "@/lib/db/client";
import { appQueue } from "@/lib/jobs/app-jobs";
import type { Member } from "@/lib/auth/membership";
import { replicationOverview } from "@/lib/replication/overview";
import { startSync, stopSync, type SyncActor } from "@/lib/replication/sync";
import { fail, ok } from "@/lib/result";
import { sourceTargetSchema } from "@/lib/validation/sources";

const NOT_FOUND = "The source was not found.";
const actor = (member: Member): SyncActor => ({ type: "member", userId: member.userId, email: member.email });

// Start a replication job of the source now, as POST /v4/sources/{id}/sync does.
export const runSourceAction = memberAction({
  schema: sourceTargetSchema,
  invalid: NOT_FOUND,
  run: ({ input, member, meta }) => startSync(db, appQueue(), member.accountId, input.sourceId, actor(member), meta),
  data: (started) => ({ jobName: started.jobName }),
  refused: (failure) => (failure.code === "already_running" ? "A run of this source is already queued or running." : failure.message),
});

// Ask the source's running job to stop, as DELETE /v4/sources/{id}/sync does.
export const stopSourceAction = memberAction({
  schema: sourceTargetSchema,
  invalid: NOT_FOUND,
  run: async ({ input, member, meta }) => {
    const stopped = await stopSync(db, member.accountId, input.sourceId, actor(member), meta);
    if (!stopped.ok) return fail("not_found", NOT_FOUND);
    return stopped.value.stopped ? stopped : fail("not_running", "No run of this source is going.");
  },
});

// The panel's state (polled every 2 s while a run is queued or going).
export const replicationStateAction = memberAction({
  schema: sourceTargetSchema,
  invalid: NOT_FOUND,
  run: async ({ input, member }) => {
    const overview = await replicationOverview(db, member.accountId, input.sourceId);
    return overview ? ok(overview) : fail("not_found", NOT_FOUND);
  },
  data: (overview) => overview,
  revalidate: false,
});

const scheduleFormSchema = sourceTargetSchema.extend({
  mode: z.enum(["interval", "cron"]),
  frequency: z.string().max(10).default(""),
  anchor: z.union([z.literal(""), z.string().regex(/^\d\d:\d\d$/)]).default(""),
  cron: z.string().max(200).default(""),
});

// Set the source's schedule: the same properties PUT /v4/sources/{id} takes (a mode's other properties cleared).
export const saveScheduleAction = memberAction({
  schema: scheduleFormSchema,
  invalid: "Choose a frequency (with an optional anchor time) or enter a cron expression.",
  run: async ({ input, member }) => {
    const { mode, frequency, anchor, cron } = input;
    const properties: Record<string, string | null> =
      mode === "cron"
        ? { cron_expression: cron.trim() }
        : { frequency_in_minutes: frequency, anchor_time: anchor ? `2000-01-01T${anchor}:00Z` : null, cron_expression: null };
    return updateSource(connectServices(), member.accountId, input.sourceId, { properties }, await changeByMember(member));
  },
  refused: (failure) => Object.values(failure.fields ?? {})[0] ?? failure.message,
});

"use server";
// Server actions of a source's Replication panel: run now, stop, the state it polls while a run goes, its schedule.
import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/action-result";
import { memberForAction } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { appQueue } from "@/lib/jobs/app-jobs";
import { replicationOverview, type ReplicationOverview } from "@/lib/replication/overview";
import { startSync, stopSync, type SyncActor } from "@/lib/replication/sync";
import type { Member } from "@/lib/members";
import { requestMetaFrom } from "@/lib/request-meta";
import { sourceTargetSchema } from "@/lib/validation/sources";
import { z } from "zod";
import { connectServices } from "@/lib/connect/services";
import { updateSource } from "@/lib/connect/sources";
import { changeByMember } from "@/app/(app)/_lib/change-by";

const SIGNED_OUT = "Your session has ended or you are no longer a member of this account. Sign in again.";
const NOT_FOUND = "The source was not found.";

type Target = { error: string } | { member: Member; sourceId: number; actor: SyncActor };

async function target(form: FormData): Promise<Target> {
  const input = sourceTargetSchema.safeParse(Object.fromEntries(form));
  if (!input.success) return { error: NOT_FOUND };
  const member = await memberForAction(input.data.workspaceId);
  if (!member) return { error: SIGNED_OUT };
  return { member, sourceId: input.data.sourceId, actor: { type: "member" as const, userId: member.userId, email: member.email } };
}

// Start a replication job of the source now, as POST /v4/sources/{id}/sync does.
export async function runSourceAction(form: FormData): Promise<ActionResult<{ jobName: string }>> {
  const t = await target(form);
  if ("error" in t) return { ok: false, error: t.error };
  const started = await startSync(db, appQueue(), t.member.workspaceId, t.sourceId, t.actor, requestMetaFrom(await headers()));
  revalidatePath("/", "layout");
  if (started.ok) return { ok: true, data: { jobName: started.jobName } };
  return { ok: false, error: started.type === "already_running" ? "A run of this source is already queued or running." : started.message };
}

// Ask the source's running job to stop, as DELETE /v4/sources/{id}/sync does.
export async function stopSourceAction(form: FormData): Promise<ActionResult> {
  const t = await target(form);
  if ("error" in t) return { ok: false, error: t.error };
  const stopped = await stopSync(db, t.member.workspaceId, t.sourceId, t.actor, requestMetaFrom(await headers()));
  revalidatePath("/", "layout");
  if (!stopped.ok) return { ok: false, error: NOT_FOUND };
  return stopped.stopped ? { ok: true, data: undefined } : { ok: false, error: "No run of this source is going." };
}

// The panel's state (polled every 2 s while a run is queued or going).
export async function replicationStateAction(form: FormData): Promise<ActionResult<ReplicationOverview>> {
  const t = await target(form);
  if ("error" in t) return { ok: false, error: t.error };
  const overview = await replicationOverview(db, t.member.workspaceId, t.sourceId);
  return overview ? { ok: true, data: overview } : { ok: false, error: NOT_FOUND };
}

const scheduleFormSchema = z.object({
  mode: z.enum(["interval", "cron"]),
  frequency: z.string().max(10).default(""),
  anchor: z.union([z.literal(""), z.string().regex(/^\d\d:\d\d$/)]).default(""),
  cron: z.string().max(200).default(""),
});

// Set the source's schedule: the same properties PUT /v4/sources/{id} takes (a mode's other properties cleared).
export async function saveScheduleAction(form: FormData): Promise<ActionResult> {
  const t = await target(form);
  if ("error" in t) return { ok: false, error: t.error };
  const input = scheduleFormSchema.safeParse(Object.fromEntries(form));
  if (!input.success) return { ok: false, error: "Choose a frequency (with an optional anchor time) or enter a cron expression." };
  const { mode, frequency, anchor, cron } = input.data;
  const properties: Record<string, string | null> =
    mode === "cron"
      ? { cron_expression: cron.trim() }
      : { frequency_in_minutes: frequency, anchor_time: anchor ? `2000-01-01T${anchor}:00Z` : null, cron_expression: null };
  const result = await updateSource(connectServices(), t.member.workspaceId, t.sourceId, { properties }, await changeByMember(t.member));
  revalidatePath("/", "layout");
  if (result.ok) return { ok: true, data: undefined };
  return { ok: false, error: Object.values(result.fields ?? {})[0] ?? result.message };
}

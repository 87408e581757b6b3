"use server";
// Server actions of a source's Replication panel: run now, stop, and the state it polls while a run goes.
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
  revalidatePath(`/sources/${t.sourceId}`);
  if (started.ok) return { ok: true, data: { jobName: started.jobName } };
  return { ok: false, error: started.type === "already_running" ? "A run of this source is already queued or running." : started.message };
}

// Ask the source's running job to stop, as DELETE /v4/sources/{id}/sync does.
export async function stopSourceAction(form: FormData): Promise<ActionResult> {
  const t = await target(form);
  if ("error" in t) return { ok: false, error: t.error };
  const stopped = await stopSync(db, t.member.workspaceId, t.sourceId, t.actor, requestMetaFrom(await headers()));
  revalidatePath(`/sources/${t.sourceId}`);
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

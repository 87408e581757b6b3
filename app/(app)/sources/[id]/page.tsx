import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AppShell } from "@/components/app/app-shell";
import { CheckPanel } from "@/components/sources/check-panel";
import { ReplicationPanel } from "@/components/replication/replication-panel";
import { ScheduleForm } from "@/components/replication/schedule-form";
import { scheduleLine, scheduleValues } from "@/components/replication/schedule-words";
import { Disclosure } from "@/components/ui/disclosure";
import { SourceActions } from "@/components/sources/source-actions";
import { SourceForm } from "@/components/sources/source-form";
import { StreamSelection } from "@/components/sources/stream-selection";
import { STATE_LABEL } from "@/components/sources/labels";
import { requirePageMember } from "@/lib/auth/session";
import { lastConnectionCheck } from "@/lib/connect/checks";
import { getSource } from "@/lib/connect/sources";
import { sourceState, tableChoice } from "@/lib/connect/source-summaries";
import { loadStreams } from "@/lib/connect/streams";
import { db } from "@/lib/db";
import { replicationOverview } from "@/lib/replication/overview";

export const metadata: Metadata = { title: "Source" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ account?: string }> };

export default async function SourcePage({ params, searchParams }: Props) {
  const [{ id: raw }, { account }] = await Promise.all([params, searchParams]);
  const ctx = await requirePageMember(`/sources/${encodeURIComponent(raw)}${account ? `?account=${encodeURIComponent(account)}` : ""}`, account);
  const id = /^[1-9][0-9]{0,15}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(id) || !(await getSource(db, ctx.member.workspaceId, id))) notFound();
  // The check first, then what it wrote: a check read as finished has committed its streams, so the
  // source and streams read after it match it (read in parallel, a page could show "Succeeded" with no tables).
  const check = await lastConnectionCheck(db, id);
  const source = await getSource(db, ctx.member.workspaceId, id);
  if (!source) notFound();
  const [streams, overview] = await Promise.all([loadStreams(db, id), replicationOverview(db, ctx.member.workspaceId, id)]);
  if (!overview) notFound();
  const state = sourceState(source);
  const step = source.reportCard.currentStepType;
  const p = source.properties;
  return (
    <AppShell ctx={ctx} basePath="/sources">
      <p className="mb-2 text-sm"><Link href={`/sources?account=${encodeURIComponent(ctx.member.workspaceSlug)}`} className="text-blue-800 dark:text-blue-300 underline">Sources</Link></p>
      <h1 tabIndex={-1} className="text-2xl font-semibold [overflow-wrap:anywhere] outline-none">{source.displayName}</h1>
      <p className="mb-3 text-sm [overflow-wrap:anywhere] text-slate-600 dark:text-slate-400">
        PostgreSQL · {STATE_LABEL[state]} · {p.user ?? "?"}@{p.host ?? "?"}:{p.port ?? "?"}/{p.dbname ?? "?"}
        {p.filter_schemas ? ` · schemas: ${p.filter_schemas}` : ""} · setup step: {step.replaceAll("_", " ")}
      </p>
      <SourceActions workspaceId={ctx.member.workspaceId} sourceId={source.id} displayName={source.displayName} state={state} />
      <CheckPanel workspaceId={ctx.member.workspaceId} sourceId={source.id} check={check} canCheck={state !== "deleted" && step !== "form"} />
      <ReplicationPanel workspaceId={ctx.member.workspaceId} sourceId={source.id} initial={overview} canRun={state !== "deleted"}
        scheduleLine={scheduleLine(state, source.schedule)} />
      {state !== "deleted" && <ScheduleForm workspaceId={ctx.member.workspaceId} sourceId={source.id} initial={scheduleValues(p)} />}
      {state !== "deleted" && (
        <Disclosure summary="Edit connection details" initiallyOpen={check?.status === "failed" || step === "form"}>
          <SourceForm workspaceId={ctx.member.workspaceId} accountSlug={ctx.member.workspaceSlug}
            source={{ id: source.id, values: { display_name: source.displayName, host: p.host ?? "", port: p.port ?? "", dbname: p.dbname ?? "", user: p.user ?? "", filter_schemas: p.filter_schemas ?? "" } }} />
        </Disclosure>
      )}
      <section aria-labelledby="tables-heading" className="mt-8">
        <h2 id="tables-heading" className="mb-2 text-lg font-semibold">Tables and columns</h2>
        {streams.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">No tables discovered yet.</p>
        ) : (
          <StreamSelection key={check?.jobName ?? "none"} workspaceId={ctx.member.workspaceId} sourceId={source.id} tables={streams.map(tableChoice)} readOnly={state === "deleted"} />
        )}
      </section>
    </AppShell>
  );
}

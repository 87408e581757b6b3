import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CheckPanel } from "@/components/sources/check-panel";
import { ReplicationPanel } from "@/components/replication/replication-panel";
import { ScheduleForm } from "@/components/replication/schedule-form";
import { scheduleLine, scheduleValues } from "@/components/replication/schedule-words";
import { Disclosure } from "@/components/ui/disclosure";
import { SourceActions } from "@/components/sources/source-actions";
import { SourceForm } from "@/components/sources/source-form";
import { StreamSelection } from "@/components/sources/stream-selection";
import { STATE_LABEL } from "@/components/sources/labels";
import { requireAccountMember } from "@/lib/auth/session";
import { lastConnectionCheck } from "@/lib/connect/checks";
import { getSource } from "@/lib/connect/sources";
import { sourceState, tableChoice } from "@/lib/connect/source-summaries";
import { loadStreams } from "@/lib/connect/streams";
import { accountPath } from "@/lib/console-paths";
import { db } from "@/lib/db/client";
import { replicationOverview } from "@/lib/replication/overview";

export const metadata: Metadata = { title: "Source" };

type Props = { params: Promise<{ account: string; id: string }> };

// One source: its state, connection check, runs, schedule, connection details and table selection.
export default async function SourcePage({ params }: Props) {
  const { account, id: raw } = await params;
  const ctx = await requireAccountMember(account);
  const id = /^[1-9][0-9]{0,15}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(id) || !(await getSource(db, ctx.member.accountId, id))) notFound();
  // The check first, then what it wrote: a check read as finished has committed its streams, so the
  // source and streams read after it match it (read in parallel, a page could show "Succeeded" with no tables).
  const check = await lastConnectionCheck(db, id);
  const source = await getSource(db, ctx.member.accountId, id);
  if (!source) notFound();
  const [streams, overview] = await Promise.all([loadStreams(db, id), replicationOverview(db, ctx.member.accountId, id)]);
  if (!overview) notFound();
  const state = sourceState(source);
  const step = source.reportCard.currentStepType;
  const p = source.properties;
  return (
    <>
      <p className="mb-2 text-sm"><Link href={accountPath(ctx.member.accountSlug, "/sources")} className="text-blue-800 dark:text-blue-300 underline">Sources</Link></p>
      <h1 tabIndex={-1} className="text-2xl font-semibold [overflow-wrap:anywhere] outline-none">{source.displayName}</h1>
      <p className="mb-3 text-sm [overflow-wrap:anywhere] text-slate-600 dark:text-slate-400">
        PostgreSQL · {STATE_LABEL[state]} · {p.user ?? "?"}@{p.host ?? "?"}:{p.port ?? "?"}/{p.dbname ?? "?"}
        {p.filter_schemas ? ` · schemas: ${p.filter_schemas}` : ""} · setup step: {step.replaceAll("_", " ")}
      </p>
      <SourceActions accountId={ctx.member.accountId} sourceId={source.id} displayName={source.displayName} state={state} />
      <CheckPanel accountId={ctx.member.accountId} sourceId={source.id} check={check} canCheck={state !== "deleted" && step !== "form"} />
      <ReplicationPanel accountId={ctx.member.accountId} accountSlug={ctx.member.accountSlug} sourceId={source.id} initial={overview} canRun={state !== "deleted"}
        scheduleLine={scheduleLine(state, source.schedule)} />
      {state !== "deleted" && <ScheduleForm accountId={ctx.member.accountId} sourceId={source.id} initial={scheduleValues(p)} />}
      {state !== "deleted" && (
        <Disclosure summary="Edit connection details" initiallyOpen={check?.status === "failed" || step === "form"}>
          <SourceForm accountId={ctx.member.accountId} accountSlug={ctx.member.accountSlug}
            source={{ id: source.id, values: { display_name: source.displayName, host: p.host ?? "", port: p.port ?? "", dbname: p.dbname ?? "", user: p.user ?? "", filter_schemas: p.filter_schemas ?? "" } }} />
        </Disclosure>
      )}
      <section aria-labelledby="tables-heading" className="mt-8">
        <h2 id="tables-heading" className="mb-2 text-lg font-semibold">Tables and columns</h2>
        {streams.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">No tables discovered yet.</p>
        ) : (
          <StreamSelection key={check?.jobName ?? "none"} accountId={ctx.member.accountId} sourceId={source.id} tables={streams.map(tableChoice)} readOnly={state === "deleted"} />
        )}
      </section>
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AppShell } from "@/components/app/app-shell";
import { CheckPanel } from "@/components/sources/check-panel";
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
import { db } from "@/lib/db/client";

export const metadata: Metadata = { title: "Source" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ account?: string }> };

export default async function SourcePage({ params, searchParams }: Props) {
  const [{ id: raw }, { account }] = await Promise.all([params, searchParams]);
  const ctx = await requirePageMember(`/sources/${encodeURIComponent(raw)}${account ? `?account=${encodeURIComponent(account)}` : ""}`, account);
  const id = /^[1-9][0-9]{0,15}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(id) || !(await getSource(db, ctx.member.accountId, id))) notFound();
  // The check first, then what it wrote: a check read as finished has committed its streams, so the
  // source and streams read after it match it (read in parallel, a page could show "Succeeded" with no tables).
  const check = await lastConnectionCheck(db, id);
  const source = await getSource(db, ctx.member.accountId, id);
  if (!source) notFound();
  const streams = await loadStreams(db, id);
  const state = sourceState(source);
  const step = source.reportCard.current_step_type;
  const p = source.properties;
  return (
    <AppShell ctx={ctx} basePath="/sources">
      <p className="mb-2 text-sm"><Link href={`/sources?account=${encodeURIComponent(ctx.member.accountSlug)}`} className="text-blue-800 underline">Sources</Link></p>
      <h1 tabIndex={-1} className="text-2xl font-semibold outline-none">{source.displayName}</h1>
      <p className="mb-3 text-sm text-slate-600">
        PostgreSQL · {STATE_LABEL[state]} · {p.user ?? "?"}@{p.host ?? "?"}:{p.port ?? "?"}/{p.dbname ?? "?"}
        {p.filter_schemas ? ` · schemas: ${p.filter_schemas}` : ""} · setup step: {step.replaceAll("_", " ")}
      </p>
      <SourceActions accountId={ctx.member.accountId} sourceId={source.id} displayName={source.displayName} state={state} />
      <CheckPanel accountId={ctx.member.accountId} sourceId={source.id} check={check} canCheck={state !== "deleted" && step !== "form"} />
      {state !== "deleted" && (
        <Disclosure summary="Edit connection details" initiallyOpen={check?.status === "failed" || step === "form"}>
          <SourceForm accountId={ctx.member.accountId} accountSlug={ctx.member.accountSlug}
            source={{ id: source.id, values: { display_name: source.displayName, host: p.host ?? "", port: p.port ?? "", dbname: p.dbname ?? "", user: p.user ?? "", filter_schemas: p.filter_schemas ?? "" } }} />
        </Disclosure>
      )}
      <section aria-labelledby="tables-heading" className="mt-8">
        <h2 id="tables-heading" className="mb-2 text-lg font-semibold">Tables and columns</h2>
        {streams.length === 0 ? (
          <p className="text-sm text-slate-600">No tables discovered yet.</p>
        ) : (
          <StreamSelection key={check?.jobName ?? "none"} accountId={ctx.member.accountId} sourceId={source.id} tables={streams.map(tableChoice)} readOnly={state === "deleted"} />
        )}
      </section>
    </AppShell>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { AppShell } from "@/components/app/app-shell";
import { SourcesTable } from "@/components/sources/sources-table";
import { requirePageMember } from "@/lib/auth/session";
import { listSourceSummaries } from "@/lib/connect/source-summaries";
import { db } from "@/lib/db";
import { lastRunsBySource, nextRunsBySource } from "@/lib/replication/overview";

export const metadata: Metadata = { title: "Sources" };

export default async function SourcesPage({ searchParams }: { searchParams: Promise<{ account?: string }> }) {
  const { account } = await searchParams;
  const ctx = await requirePageMember(`/sources${account ? `?account=${encodeURIComponent(account)}` : ""}`, account);
  const slug = encodeURIComponent(ctx.member.workspaceSlug);
  const [sources, lastRuns, nextRuns] = await Promise.all([
    listSourceSummaries(db, ctx.member.workspaceId),
    lastRunsBySource(db, ctx.member.workspaceId),
    nextRunsBySource(db, ctx.member.workspaceId),
  ]);
  return (
    <AppShell ctx={ctx} basePath="/sources">
      <div className="mb-6 flex flex-wrap items-center gap-4">
        <h1 className="text-2xl font-semibold">Sources</h1>
        <Link href={`/sources/new?account=${slug}`} className="ml-auto rounded-md bg-blue-700 px-4 py-2 text-sm font-medium text-white hover:bg-blue-800">
          Add a PostgreSQL source
        </Link>
      </div>
      <SourcesTable sources={sources} accountSlug={ctx.member.workspaceSlug} lastRuns={Object.fromEntries(lastRuns)} nextRuns={nextRuns} />
    </AppShell>
  );
}

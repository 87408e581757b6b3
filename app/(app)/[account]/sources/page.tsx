import type { Metadata } from "next";
import Link from "next/link";
import { SourcesTable } from "@/components/sources/sources-table";
import { requireAccountMember } from "@/lib/auth/session";
import { listSourceSummaries } from "@/lib/connect/source-summaries";
import { accountPath } from "@/lib/console-paths";
import { db } from "@/lib/db/client";
import { lastRunsBySource, nextRunsBySource } from "@/lib/replication/overview";

export const metadata: Metadata = { title: "Sources" };

// The account's sources with their last and next runs.
export default async function SourcesPage({ params }: { params: Promise<{ account: string }> }) {
  const ctx = await requireAccountMember((await params).account);
  const [sources, lastRuns, nextRuns] = await Promise.all([
    listSourceSummaries(db, ctx.member.accountId),
    lastRunsBySource(db, ctx.member.accountId),
    nextRunsBySource(db, ctx.member.accountId),
  ]);
  return (
    <>
      <div className="mb-6 flex flex-wrap items-center gap-4">
        <h1 className="text-2xl font-semibold">Sources</h1>
        <Link href={accountPath(ctx.member.accountSlug, "/sources/new")} className="ml-auto rounded-md bg-blue-700 px-4 py-2 text-sm font-medium text-white hover:bg-blue-800">
          Add a PostgreSQL source
        </Link>
      </div>
      <SourcesTable sources={sources} accountSlug={ctx.member.accountSlug} lastRuns={Object.fromEntries(lastRuns)} nextRuns={nextRuns} />
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { AppShell } from "@/components/app/app-shell";
import { SourcesTable } from "@/components/sources/sources-table";
import { requirePageMember } from "@/lib/auth/session";
import { listSourceSummaries } from "@/lib/connect/source-summaries";
import { db } from "@/lib/db/client";

export const metadata: Metadata = { title: "Sources" };

export default async function SourcesPage({ searchParams }: { searchParams: Promise<{ account?: string }> }) {
  const { account } = await searchParams;
  const ctx = await requirePageMember(`/sources${account ? `?account=${encodeURIComponent(account)}` : ""}`, account);
  const slug = encodeURIComponent(ctx.member.accountSlug);
  return (
    <AppShell ctx={ctx} basePath="/sources">
      <div className="mb-6 flex items-center gap-4">
        <h1 className="text-2xl font-semibold">Sources</h1>
        <Link href={`/sources/new?account=${slug}`} className="ml-auto rounded-md bg-blue-700 px-4 py-2 text-sm font-medium text-white hover:bg-blue-800">
          Add a PostgreSQL source
        </Link>
      </div>
      <SourcesTable sources={await listSourceSummaries(db, ctx.member.accountId)} accountSlug={ctx.member.accountSlug} />
    </AppShell>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { AppShell } from "@/components/app/app-shell";
import { SourceForm } from "@/components/sources/source-form";
import { requirePageMember } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Add a PostgreSQL source" };

export default async function NewSourcePage({ searchParams }: { searchParams: Promise<{ account?: string }> }) {
  const { account } = await searchParams;
  const ctx = await requirePageMember(`/sources/new${account ? `?account=${encodeURIComponent(account)}` : ""}`, account);
  return (
    <AppShell ctx={ctx} basePath="/sources/new">
      <p className="mb-2 text-sm"><Link href={`/sources?account=${encodeURIComponent(ctx.member.workspaceSlug)}`} className="text-blue-800 dark:text-blue-300 underline">Sources</Link></p>
      <h1 className="mb-2 text-2xl font-semibold">Add a PostgreSQL source</h1>
      <p className="mb-6 text-sm text-slate-600 dark:text-slate-400">
        Bobbin connects with these details, checks the connection and discovers the tables and views. The password is stored encrypted and never shown again.
      </p>
      <SourceForm workspaceId={ctx.member.workspaceId} accountSlug={ctx.member.workspaceSlug} />
    </AppShell>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { SourceForm } from "@/components/sources/source-form";
import { requireAccountMember } from "@/lib/auth/session";
import { accountPath } from "@/lib/console-paths";

export const metadata: Metadata = { title: "Add a PostgreSQL source" };

// The form that adds a PostgreSQL source to the account.
export default async function NewSourcePage({ params }: { params: Promise<{ account: string }> }) {
  const ctx = await requireAccountMember((await params).account);
  return (
    <>
      <p className="mb-2 text-sm"><Link href={accountPath(ctx.member.accountSlug, "/sources")} className="text-blue-800 dark:text-blue-300 underline">Sources</Link></p>
      <h1 className="mb-2 text-2xl font-semibold">Add a PostgreSQL source</h1>
      <p className="mb-6 text-sm text-slate-600 dark:text-slate-400">
        Bobbin connects with these details, checks the connection and discovers the tables and views. The password is stored encrypted and never shown again.
      </p>
      <SourceForm accountId={ctx.member.accountId} accountSlug={ctx.member.accountSlug} />
    </>
  );
}

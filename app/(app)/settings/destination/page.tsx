import type { Metadata } from "next";
import Link from "next/link";
import { AppShell } from "@/components/app/app-shell";
import { SettingsTabs } from "@/components/app/settings-tabs";
import { DestinationForm } from "@/components/destination/destination-form";
import { requirePageMember } from "@/lib/auth/session";
import { listDestinations } from "@/lib/connect/destinations";
import { listSources } from "@/lib/connect/sources";
import { db } from "@/lib/db";

export const metadata: Metadata = { title: "Destination" };

export default async function DestinationPage({ searchParams }: { searchParams: Promise<{ account?: string }> }) {
  const { account } = await searchParams;
  const ctx = await requirePageMember(`/settings/destination${account ? `?account=${encodeURIComponent(account)}` : ""}`, account);
  const [destinations, sources] = await Promise.all([listDestinations(db, ctx.member.workspaceId), listSources(db, ctx.member.workspaceId)]);
  const destination = destinations[0] ?? null;
  const p = destination?.properties ?? {};
  // A source loads into its destination_id, else the account's only destination.
  const loading = destination ? sources.filter((s) => !s.deletedAt && (s.destinationId === destination.id || (s.destinationId === null && destinations.length === 1))) : [];
  const slug = encodeURIComponent(ctx.member.workspaceSlug);
  return (
    <AppShell ctx={ctx} basePath="/settings/destination">
      <h1 className="mb-6 text-2xl font-semibold">Edit User Settings</h1>
      <SettingsTabs active="destination" accountSlug={ctx.member.workspaceSlug} />
      <section aria-labelledby="destination-heading" className="space-y-4">
        <h2 id="destination-heading" className="text-lg font-semibold">Destination</h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">The PostgreSQL database this account&apos;s sources load into (each into a schema named after the source).</p>
        <DestinationForm workspaceId={ctx.member.workspaceId} destinationId={destination?.id ?? null} passwordStored={destination !== null}
          initial={{ host: p.host ?? "", port: p.port ?? "5432", username: p.username ?? "", database: p.database ?? "", ssl: p.ssl === "true" }} />
        <h3 className="font-semibold">Sources loading into it</h3>
        {loading.length === 0 ? <p className="text-sm text-slate-600 dark:text-slate-400">None.</p> : (
          <ul className="list-disc pl-6 text-sm">
            {loading.map((s) => <li key={s.id}><Link className="text-blue-800 dark:text-blue-300 underline" href={`/sources/${s.id}?account=${slug}`}>{s.displayName}</Link> (schema {s.name})</li>)}
          </ul>
        )}
      </section>
    </AppShell>
  );
}

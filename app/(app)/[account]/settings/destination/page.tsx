import type { Metadata } from "next";
import Link from "next/link";
import { DestinationForm } from "@/components/destination/destination-form";
import { requireAccountMember } from "@/lib/auth/session";
import { listDestinations } from "@/lib/connect/destinations";
import { listSources } from "@/lib/connect/sources";
import { accountPath } from "@/lib/console-paths";
import { db } from "@/lib/db/client";

export const metadata: Metadata = { title: "Destination" };

// The account's destination database, and the sources loading into it.
export default async function DestinationPage({ params }: { params: Promise<{ account: string }> }) {
  const ctx = await requireAccountMember((await params).account);
  const [destinations, sources] = await Promise.all([listDestinations(db, ctx.member.accountId), listSources(db, ctx.member.accountId)]);
  const destination = destinations[0] ?? null;
  const p = destination?.properties ?? {};
  // A source loads into its destination_id, else the account's only destination.
  const loading = destination ? sources.filter((s) => !s.deletedAt && (s.destinationId === destination.id || (s.destinationId === null && destinations.length === 1))) : [];
  return (
    <>
      <section aria-labelledby="destination-heading" className="space-y-4">
        <h2 id="destination-heading" className="text-lg font-semibold">Destination</h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">The PostgreSQL database this account&apos;s sources load into (each into a schema named after the source).</p>
        <DestinationForm accountId={ctx.member.accountId} destinationId={destination?.id ?? null} passwordStored={destination !== null}
          initial={{ host: p.host ?? "", port: p.port ?? "5432", username: p.username ?? "", database: p.database ?? "", ssl: p.ssl === "true" }} />
        <h3 className="font-semibold">Sources loading into it</h3>
        {loading.length === 0 ? <p className="text-sm text-slate-600 dark:text-slate-400">None.</p> : (
          <ul className="list-disc pl-6 text-sm">
            {loading.map((s) => <li key={s.id}><Link className="text-blue-800 dark:text-blue-300 underline" href={accountPath(ctx.member.accountSlug, `/sources/${s.id}`)}>{s.displayName}</Link> (schema {s.name})</li>)}
          </ul>
        )}
      </section>
    </>
  );
}

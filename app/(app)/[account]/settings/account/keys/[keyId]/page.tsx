// A key's detail view: its requests per day over 30 days (chart and table), and where it was last used from.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatUtc } from "@/components/api-keys/times";
import { UsageChart } from "@/components/api-keys/usage-chart";
import { usageSummary } from "@/components/api-keys/usage-words";
import { keyUsageDetail, USAGE_FLUSH_INTERVAL_MS } from "@/lib/api-keys/usage";
import { requireAccountMember } from "@/lib/auth/session";
import { accountPath } from "@/lib/console-paths";
import { db } from "@/lib/db/client";

export const metadata: Metadata = { title: "API key usage" };

type Props = { params: Promise<{ account: string; keyId: string }> };

export default async function KeyUsagePage({ params }: Props) {
  const { account, keyId: raw } = await params;
  const ctx = await requireAccountMember(account);
  const id = /^[1-9][0-9]{0,15}$/.test(raw) ? Number(raw) : NaN;
  const key = Number.isSafeInteger(id) ? await keyUsageDetail(db, ctx.member.accountId, id) : null;
  if (!key) notFound();
  const settings = accountPath(ctx.member.accountSlug, "/settings/account");
  const minutes = Math.round(USAGE_FLUSH_INTERVAL_MS / 60_000);
  return (
    <>
      <p className="mb-2 text-sm"><Link href={settings} className="text-blue-800 dark:text-blue-300 underline">Account Settings</Link></p>
      <h1 tabIndex={-1} className="text-2xl font-semibold outline-none">Key ending {key.last4}</h1>
      <p className="mb-6 break-words text-sm text-slate-600 dark:text-slate-400">{key.description}</p>

      <section aria-labelledby="last-use-heading" className="mb-8">
        <h2 id="last-use-heading" className="mb-2 text-lg font-semibold">Last used</h2>
        <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1 text-sm">
          <dt className="font-medium">When</dt>
          <dd>{key.lastUsedAt ? formatUtc(key.lastUsedAt) : "Never"}</dd>
          <dt className="font-medium">From address</dt>
          <dd className="font-mono">{key.lastUsedIp ?? "Not known yet"}</dd>
          <dt className="font-medium">User agent</dt>
          <dd className="break-all font-mono">{key.lastUsedUserAgent ?? "Not known yet"}</dd>
        </dl>
      </section>

      <section aria-labelledby="usage-heading">
        <h2 id="usage-heading" className="text-lg font-semibold">Requests per day, last 30 days</h2>
        <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
          {usageSummary(key.days)} Counted by each server and saved about every {minutes === 1 ? "minute" : `${minutes} minutes`}: the latest requests appear shortly after.
        </p>
        <figure className="mb-4 rounded-lg border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 p-3">
          <UsageChart days={key.days} />
          <figcaption className="mt-1 text-xs text-slate-600 dark:text-slate-400">Requests per UTC day, oldest to newest; the table below holds the same figures.</figcaption>
        </figure>
        <div className="max-w-sm overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900">
          <table className="w-full text-sm">
            <caption className="sr-only">Requests per day of the key ending {key.last4}</caption>
            <thead className="border-b border-slate-200 dark:border-slate-700 bg-slate-50 dark:bg-slate-800">
              <tr>
                <th scope="col" className="px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">Day (UTC)</th>
                <th scope="col" className="px-3 py-2 text-right text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">Requests</th>
              </tr>
            </thead>
            <tbody>
              {[...key.days].reverse().map((d) => (
                <tr key={d.day} className="border-b border-slate-100 dark:border-slate-800 last:border-0">
                  <th scope="row" className="px-3 py-1 text-left font-normal">{d.day}</th>
                  <td className="px-3 py-1 text-right tabular-nums">{d.count.toLocaleString("en-US")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}

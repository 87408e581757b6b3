import type { Metadata } from "next";
import Link from "next/link";
import { formatUtc } from "@/components/api-keys/times";
import { requireAccountMember } from "@/lib/auth/session";
import { accountPath } from "@/lib/console-paths";
import { db } from "@/lib/db/client";
import { listEvents } from "@/lib/audit/events";

export const metadata: Metadata = { title: "Activity" };

const ACTIONS: Record<string, string> = {
  "key.created": "Key created",
  "key.disabled": "Key disabled",
  "key.enabled": "Key re-enabled",
  "key.deleted": "Key deleted",
  "key.auto_disabled": "Key auto-disabled: creator removed",
  "key.rolled": "Key rolled",
  "key.updated": "Key changed",
  "key.address_refused": "Key refused: address not in its allow-list",
  "member.invited": "Member invited",
  "member.joined": "Member joined",
  "member.removed": "Member removed",
  "member.role_changed": "Role changed",
  "signin.failed": "Sign-in failed",
  "job.started": "Replication job started",
  "job.stopped": "Replication job stopped",
  "invitation.revoked": "Invitation revoked",
  "invitation.expired_with_inviter": "Invitation withdrawn: inviter removed or no longer an owner",
  "source.created": "Source created",
  "source.updated": "Source changed",
  "source.paused": "Source paused",
  "source.resumed": "Source resumed",
  "source.deleted": "Source deleted",
  "source.checked": "Source connection checked",
  "destination.created": "Destination created",
  "destination.updated": "Destination changed",
  "destination.deleted": "Destination deleted",
  "key.leaked": "Key disabled: reported leaked by a secret scanner",
  "job.failed_notice": "Run failed (owners notified once until a run succeeds)",
};

const TH = "px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400";

// The account's audit trail, newest first, a page at a time.
export default async function ActivityPage({ params, searchParams }: { params: Promise<{ account: string }>; searchParams: Promise<{ page?: string }> }) {
  const [{ account }, { page: pageParam }] = await Promise.all([params, searchParams]);
  const ctx = await requireAccountMember(account);
  const page = Math.max(1, Math.min(10_000, Number.parseInt(pageParam ?? "1", 10) || 1));
  const { events, hasMore } = await listEvents(db, ctx.member.accountId, page);
  const href = (p: number) => `${accountPath(ctx.member.accountSlug, "/settings/activity")}?page=${p}`;
  return (
    <>
      <section aria-labelledby="activity-heading" className="space-y-4">
        <h2 id="activity-heading" className="text-lg font-semibold">Activity</h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">Changes to API keys, the team, sources and destinations, and failed sign-ins, newest first.</p>
        {events.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 dark:border-slate-600 bg-white dark:bg-slate-900 px-4 py-8 text-center text-sm text-slate-600 dark:text-slate-400">No activity yet.</p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900">
            <table className="table-cards w-full text-sm">
              <caption className="sr-only">Activity of this account, page {page}</caption>
              <thead className="border-b border-slate-200 dark:border-slate-700 bg-slate-50 dark:bg-slate-800">
                <tr>
                  <th scope="col" className={TH}>When</th>
                  <th scope="col" className={TH}>Event</th>
                  <th scope="col" className={TH}>By</th>
                  <th scope="col" className={TH}>Target</th>
                  <th scope="col" className={TH}>From</th>
                </tr>
              </thead>
              <tbody>
                {events.map((e) => (
                  <tr key={e.id} className="border-b border-slate-100 dark:border-slate-800 align-top last:border-0">
                    <td className="whitespace-nowrap px-3 py-2 max-sm:text-xs">{formatUtc(e.createdAt)}</td>
                    <td className="px-3 py-2 max-sm:font-medium">{ACTIONS[e.action] ?? e.action}{e.count > 1 ? ` (${e.count} times)` : ""}</td>
                    <td data-label="By" className="px-3 py-2">{e.actorLabel}</td>
                    <td data-label="Target" className="max-w-xs break-words px-3 py-2">{e.targetLabel ?? "—"}</td>
                    <td data-label="From" className="max-w-xs break-words px-3 py-2 text-xs text-slate-600 dark:text-slate-400">
                      <div>{e.ip ?? "—"}</div>
                      <div>{e.userAgent ?? ""}</div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <nav aria-label="Activity pages" className="flex gap-4 text-sm [&>a]:inline-block [&>a]:py-1">
          {page > 1 && <Link href={href(page - 1)} className="text-blue-700 dark:text-blue-300 underline">Newer</Link>}
          {hasMore && <Link href={href(page + 1)} className="text-blue-700 dark:text-blue-300 underline">Older</Link>}
        </nav>
      </section>
    </>
  );
}

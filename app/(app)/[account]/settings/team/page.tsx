import type { Metadata } from "next";
import { formatUtc } from "@/components/api-keys/times";
import { InviteForm } from "@/components/team/invite-form";
import { MemberActions } from "@/components/team/member-actions";
import { RevokeInvitation } from "@/components/team/revoke-invitation";
import { FeedbackProvider } from "@/components/ui/feedback";
import { requireAccountMember } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { listTeam } from "@/lib/team/members";
import { listPendingInvitations } from "@/lib/team/pending-invitations";
import { canManageTeam } from "@/lib/team/roles";

export const metadata: Metadata = { title: "Team" };

const TH = "px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400";

// The account's members and pending invitations; owners manage them here.
export default async function TeamPage({ params }: { params: Promise<{ account: string }> }) {
  const ctx = await requireAccountMember((await params).account);
  const team = await listTeam(db, ctx.member.accountId);
  const owner = canManageTeam(ctx.member.role);
  const invitations = owner ? await listPendingInvitations(db, ctx.member.accountId) : [];
  return (
    <>
      <section aria-labelledby="team-heading" className="space-y-4">
        <h2 id="team-heading" tabIndex={-1} className="text-lg font-semibold">Team members of {ctx.member.accountName}</h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Every member can manage the account&apos;s API keys. {owner ? "As an owner you can invite and remove members and change roles." : "Owners invite and remove members."}
        </p>
        <FeedbackProvider>
          <div className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900">
            <table className="table-cards w-full text-sm">
              <caption className="sr-only">Members of this account</caption>
              <thead className="border-b border-slate-200 dark:border-slate-700 bg-slate-50 dark:bg-slate-800">
                <tr>
                  <th scope="col" className={TH}>Name</th>
                  <th scope="col" className={TH}>Email</th>
                  <th scope="col" className={TH}>Role</th>
                  <th scope="col" className={TH}>Joined</th>
                  {owner && <th scope="col" className={TH}><span className="sr-only">Actions</span></th>}
                </tr>
              </thead>
              <tbody>
                {team.map((m) => (
                  <tr key={m.userId} className="border-b border-slate-100 dark:border-slate-800 last:border-0">
                    <td className="px-3 py-3 font-medium sm:font-normal">{m.name ?? "—"}</td>
                    <td data-label="Email" className="px-3 py-3 [overflow-wrap:anywhere]">{m.email}</td>
                    <td data-label="Role" className="px-3 py-3 capitalize">{m.role}</td>
                    <td data-label="Joined" className="px-3 py-3">{formatUtc(m.joinedAt)}</td>
                    {owner && (
                      <td data-actions="below" className="px-3 py-3">
                        <MemberActions accountId={ctx.member.accountId} userId={m.userId} email={m.email} role={m.role} />
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {owner && (
            <section aria-labelledby="invitations-heading" className="mt-6 space-y-2">
              <h3 id="invitations-heading" className="text-base font-semibold">Pending invitations</h3>
              {invitations.length === 0 ? (
                <p className="text-sm text-slate-600 dark:text-slate-400">No pending invitations.</p>
              ) : (
                <div className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900">
                  <table className="table-cards w-full text-sm">
                    <caption className="sr-only">Pending invitations of this account</caption>
                    <thead className="border-b border-slate-200 dark:border-slate-700 bg-slate-50 dark:bg-slate-800">
                      <tr>
                        <th scope="col" className={TH}>Email</th>
                        <th scope="col" className={TH}>Role</th>
                        <th scope="col" className={TH}>Invited by</th>
                        <th scope="col" className={TH}>Expires</th>
                        <th scope="col" className={TH}><span className="sr-only">Actions</span></th>
                      </tr>
                    </thead>
                    <tbody>
                      {invitations.map((i) => (
                        <tr key={i.id} className="border-b border-slate-100 dark:border-slate-800 last:border-0">
                          <td className="px-3 py-3 font-medium [overflow-wrap:anywhere] sm:font-normal">{i.email}</td>
                          <td data-label="Role" className="px-3 py-3 capitalize">{i.role}</td>
                          <td data-label="Invited by" className="px-3 py-3">{i.invitedBy}</td>
                          <td data-label="Expires" className="px-3 py-3">{formatUtc(i.expiresAt)}</td>
                          <td data-actions="below" className="px-3 py-3 text-right"><RevokeInvitation accountId={ctx.member.accountId} invitationId={i.id} email={i.email} /></td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </section>
          )}
        </FeedbackProvider>
        {owner && <InviteForm accountId={ctx.member.accountId} />}
      </section>
    </>
  );
}

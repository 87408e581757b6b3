import type { Metadata } from "next";
import { AppShell } from "@/components/app/app-shell";
import { SettingsTabs } from "@/components/app/settings-tabs";
import { formatUtc } from "@/components/api-keys/times";
import { InviteForm } from "@/components/team/invite-form";
import { MemberActions } from "@/components/team/member-actions";
import { FeedbackProvider } from "@/components/ui/feedback";
import { requirePageMember } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { listTeam } from "@/lib/team/members";
import { canManageTeam } from "@/lib/team/roles";

export const metadata: Metadata = { title: "Team" };

const TH = "px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-600";

export default async function TeamPage({ searchParams }: { searchParams: Promise<{ account?: string }> }) {
  const { account } = await searchParams;
  const ctx = await requirePageMember(`/settings/team${account ? `?account=${encodeURIComponent(account)}` : ""}`, account);
  const team = await listTeam(db, ctx.member.accountId);
  const owner = canManageTeam(ctx.member.role);
  return (
    <AppShell ctx={ctx} basePath="/settings/team">
      <h1 className="mb-6 text-2xl font-semibold">Edit User Settings</h1>
      <SettingsTabs active="team" accountSlug={ctx.member.accountSlug} />
      <section aria-labelledby="team-heading" className="space-y-4">
        <h2 id="team-heading" tabIndex={-1} className="text-lg font-semibold">Team members of {ctx.member.accountName}</h2>
        <p className="text-sm text-slate-600">
          Every member can manage the account&apos;s API keys. {owner ? "As an owner you can invite and remove members and change roles." : "Owners invite and remove members."}
        </p>
        <FeedbackProvider>
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="w-full text-sm">
              <caption className="sr-only">Members of this account</caption>
              <thead className="border-b border-slate-200 bg-slate-50">
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
                  <tr key={m.userId} className="border-b border-slate-100 last:border-0">
                    <td className="px-3 py-3">{m.name ?? "—"}</td>
                    <td className="px-3 py-3">{m.email}</td>
                    <td className="px-3 py-3 capitalize">{m.role}</td>
                    <td className="px-3 py-3">{formatUtc(m.joinedAt)}</td>
                    {owner && (
                      <td className="px-3 py-3">
                        <MemberActions accountId={ctx.member.accountId} userId={m.userId} email={m.email} role={m.role} />
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </FeedbackProvider>
        {owner && <InviteForm accountId={ctx.member.accountId} />}
      </section>
    </AppShell>
  );
}

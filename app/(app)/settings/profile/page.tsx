import type { Metadata } from "next";
import { AppShell } from "@/components/app/app-shell";
import { SettingsTabs } from "@/components/app/settings-tabs";
import { requirePageMember } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Your Profile" };

export default async function ProfilePage({ searchParams }: { searchParams: Promise<{ account?: string }> }) {
  const { account } = await searchParams;
  const ctx = await requirePageMember(`/settings/profile${account ? `?account=${encodeURIComponent(account)}` : ""}`, account);
  return (
    <AppShell ctx={ctx} basePath="/settings/profile">
      <h1 className="mb-6 text-2xl font-semibold">Edit User Settings</h1>
      <SettingsTabs active="profile" accountSlug={ctx.member.workspaceSlug} />
      <dl className="grid max-w-md grid-cols-[6rem_minmax(0,1fr)] gap-y-2 text-sm [overflow-wrap:anywhere] sm:grid-cols-[8rem_minmax(0,1fr)]">
        <dt className="text-slate-600 dark:text-slate-400">Name</dt>
        <dd>{ctx.user.name ?? "—"}</dd>
        <dt className="text-slate-600 dark:text-slate-400">Email</dt>
        <dd>{ctx.user.email}</dd>
        <dt className="text-slate-600 dark:text-slate-400">Accounts</dt>
        <dd>{ctx.memberships.map((m) => m.workspaceName).join(", ")}</dd>
      </dl>
    </AppShell>
  );
}

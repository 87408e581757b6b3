import type { Metadata } from "next";
import { AppShell } from "@/components/app/app-shell";
import { SettingsTabs } from "@/components/app/settings-tabs";
import { ApiKeysSection } from "@/components/api-keys/api-keys-section";
import { listApiKeys } from "@/lib/api-keys/service";
import { usageByDay } from "@/lib/api-keys/usage";
import { requirePageMember } from "@/lib/auth/session";
import { db } from "@/lib/db";

const SALES_URL = process.env.SALES_URL ?? "mailto:sales@bobbin.example";

export const metadata: Metadata = { title: "Account Settings" };

export default async function AccountSettingsPage({ searchParams }: { searchParams: Promise<{ account?: string }> }) {
  const { account } = await searchParams;
  const ctx = await requirePageMember(`/settings/account${account ? `?account=${encodeURIComponent(account)}` : ""}`, account);
  const keys = await listApiKeys(db, ctx.member.workspaceId);
  const now = new Date();
  const usage = Object.fromEntries(await usageByDay(db, keys.map((k) => k.id), now));
  return (
    <AppShell ctx={ctx} basePath="/settings/account">
      <h1 className="mb-6 text-2xl font-semibold">Edit User Settings</h1>
      <SettingsTabs active="account" accountSlug={ctx.member.workspaceSlug} />
      <section aria-labelledby="account-heading" className="mb-10">
        <h2 id="account-heading" className="text-lg font-semibold">{ctx.member.workspaceName}</h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">Account ID {ctx.member.workspaceId} · {ctx.member.plan === "enterprise" ? "Enterprise" : "Standard"} plan</p>
      </section>
      <ApiKeysSection workspaceId={ctx.member.workspaceId} plan={ctx.member.plan} keys={keys} now={now} salesUrl={SALES_URL} usage={usage} accountSlug={ctx.member.workspaceSlug} />
    </AppShell>
  );
}

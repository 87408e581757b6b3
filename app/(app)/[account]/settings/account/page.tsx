import type { Metadata } from "next";
import { ApiKeysSection } from "@/components/api-keys/api-keys-section";
import { listApiKeys } from "@/lib/api-keys/service";
import { usageByDay } from "@/lib/api-keys/usage";
import { requireAccountMember } from "@/lib/auth/session";
import { db } from "@/lib/db/client";

const SALES_URL = process.env.SALES_URL ?? "mailto:sales@bobbin.example";

export const metadata: Metadata = { title: "Account Settings" };

// The account's API keys.
export default async function AccountSettingsPage({ params }: { params: Promise<{ account: string }> }) {
  const ctx = await requireAccountMember((await params).account);
  const keys = await listApiKeys(db, ctx.member.accountId);
  const now = new Date();
  const usage = Object.fromEntries(await usageByDay(db, keys.map((k) => k.id), now));
  return (
    <>
      <section aria-labelledby="account-heading" className="mb-10">
        <h2 id="account-heading" className="text-lg font-semibold">{ctx.member.accountName}</h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">Account ID {ctx.member.accountId} · {ctx.member.plan === "enterprise" ? "Enterprise" : "Standard"} plan</p>
      </section>
      <ApiKeysSection accountId={ctx.member.accountId} plan={ctx.member.plan} keys={keys} now={now} salesUrl={SALES_URL} usage={usage} accountSlug={ctx.member.accountSlug} />
    </>
  );
}

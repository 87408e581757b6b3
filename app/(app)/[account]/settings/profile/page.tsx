import type { Metadata } from "next";
import { requireAccountMember } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Your Profile" };

// Who is signed in, and the accounts they belong to.
export default async function ProfilePage({ params }: { params: Promise<{ account: string }> }) {
  const ctx = await requireAccountMember((await params).account);
  return (
    <>
      <dl className="grid max-w-md grid-cols-[6rem_minmax(0,1fr)] gap-y-2 text-sm [overflow-wrap:anywhere] sm:grid-cols-[8rem_minmax(0,1fr)]">
        <dt className="text-slate-600 dark:text-slate-400">Name</dt>
        <dd>{ctx.user.name ?? "—"}</dd>
        <dt className="text-slate-600 dark:text-slate-400">Email</dt>
        <dd>{ctx.user.email}</dd>
        <dt className="text-slate-600 dark:text-slate-400">Accounts</dt>
        <dd>{ctx.memberships.map((m) => m.accountName).join(", ")}</dd>
      </dl>
    </>
  );
}

import Link from "next/link";
import type { PageContext } from "@/lib/auth/session";
import { AccountSwitcher } from "./account-switcher";
import { UserMenu } from "./user-menu";

// Header (account switcher, user menu) around every signed-in page.
export function AppShell({ ctx, basePath, children }: { ctx: PageContext; basePath: string; children: React.ReactNode }) {
  const slug = encodeURIComponent(ctx.member.accountSlug);
  const accounts = ctx.memberships.map((m) => ({ slug: m.accountSlug, name: m.accountName }));
  return (
    <>
      <header className="border-b border-slate-200 bg-white">
        <nav aria-label="Main" className="mx-auto flex max-w-5xl items-center gap-4 px-4 py-3">
          <Link href={`/settings/account?account=${slug}`} className="font-semibold text-blue-800">Bobbin</Link>
          <AccountSwitcher current={{ slug: ctx.member.accountSlug, name: ctx.member.accountName }} accounts={accounts} basePath={basePath} />
          <Link href={`/sources?account=${slug}`} aria-current={basePath.startsWith("/sources") ? "page" : undefined}
            className="text-sm font-medium text-slate-700 hover:text-slate-900 aria-[current=page]:text-blue-800">
            Sources
          </Link>
          <div className="ml-auto">
            <UserMenu email={ctx.user.email} settingsHref={`/settings/account?account=${slug}`} sourcesHref={`/sources?account=${slug}`} />
          </div>
        </nav>
      </header>
      <main className="mx-auto max-w-5xl px-4 py-8">{children}</main>
    </>
  );
}

import Link from "next/link";
import type { PageContext } from "@/lib/auth/session";
import { accountPath } from "@/lib/console-paths";
import { AccountSwitcher } from "./account-switcher";
import { NavLink } from "./nav-link";
import { UserMenu } from "./user-menu";

// Header (account switcher, user menu) around every signed-in page; rendered once, by the account's layout.
export function AppShell({ ctx, children }: { ctx: PageContext; children: React.ReactNode }) {
  const slug = ctx.member.accountSlug;
  const accounts = ctx.memberships.map((m) => ({ slug: m.accountSlug, name: m.accountName }));
  const settings = accountPath(slug, "/settings/account");
  const sources = accountPath(slug, "/sources");
  return (
    <>
      <header className="border-b border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900">
        <nav aria-label="Main" className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
          <Link href={settings} className="py-1 font-semibold text-blue-800 dark:text-blue-300">Bobbin</Link>
          <AccountSwitcher current={{ slug, name: ctx.member.accountName }} accounts={accounts} />
          <NavLink href={sources}
            className="py-1 text-sm font-medium text-slate-700 dark:text-slate-300 hover:text-slate-900 dark:hover:text-slate-100 aria-[current=page]:text-blue-800 dark:aria-[current=page]:text-blue-300">
            Sources
          </NavLink>
          <div className="ml-auto">
            <UserMenu email={ctx.user.email} settingsHref={settings} sourcesHref={sources} />
          </div>
        </nav>
      </header>
      <main className="mx-auto max-w-5xl px-4 py-6 sm:py-8">{children}</main>
    </>
  );
}

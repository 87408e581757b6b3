import Link from "next/link";

const TABS = [
  { id: "profile", label: "Your Profile", href: "/settings/profile" },
  { id: "account", label: "Account Settings", href: "/settings/account" },
  { id: "team", label: "Team", href: "/settings/team" },
  { id: "destination", label: "Destination", href: "/settings/destination" },
  { id: "activity", label: "Activity", href: "/settings/activity" },
] as const;

export type SettingsTab = (typeof TABS)[number]["id"];

// The tabs of "Edit User Settings"; links keep the current account.
export function SettingsTabs({ active, accountSlug }: { active: SettingsTab; accountSlug: string }) {
  return (
    <nav aria-label="Settings" className="mb-6 flex flex-wrap gap-x-1 border-b sm:mb-8 border-slate-200 dark:border-slate-700">
      {TABS.map((tab) => (
        <Link
          key={tab.id}
          href={`${tab.href}?account=${encodeURIComponent(accountSlug)}`}
          aria-current={tab.id === active ? "page" : undefined}
          className={`-mb-px border-b-2 px-3 py-2 text-sm sm:px-4 font-medium ${tab.id === active ? "border-blue-700 dark:border-blue-400 text-blue-800 dark:text-blue-300" : "border-transparent text-slate-600 dark:text-slate-400 hover:text-slate-900 dark:hover:text-slate-100"}`}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}

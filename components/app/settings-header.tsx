"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { accountPath, splitAccountPath } from "@/lib/console-paths";

const TABS = [
  { label: "Your Profile", path: "/settings/profile" },
  { label: "Account Settings", path: "/settings/account" },
  { label: "Team", path: "/settings/team" },
  { label: "Destination", path: "/settings/destination" },
  { label: "Activity", path: "/settings/activity" },
] as const;

// The "Edit User Settings" heading and tabs, on the tab pages themselves (a key's page under
// Account Settings has a heading of its own and a link back instead).
export function SettingsHeader() {
  const { slug, rest } = splitAccountPath(usePathname());
  if (!TABS.some((tab) => tab.path === rest)) return null;
  return (
    <>
      <h1 className="mb-6 text-2xl font-semibold">Edit User Settings</h1>
      <nav aria-label="Settings" className="mb-6 flex flex-wrap gap-x-1 border-b sm:mb-8 border-slate-200 dark:border-slate-700">
        {TABS.map((tab) => (
          <Link
            key={tab.path}
            href={accountPath(slug, tab.path)}
            aria-current={tab.path === rest ? "page" : undefined}
            className={`-mb-px border-b-2 px-3 py-2 text-sm sm:px-4 font-medium ${tab.path === rest ? "border-blue-700 dark:border-blue-400 text-blue-800 dark:text-blue-300" : "border-transparent text-slate-600 dark:text-slate-400 hover:text-slate-900 dark:hover:text-slate-100"}`}
          >
            {tab.label}
          </Link>
        ))}
      </nav>
    </>
  );
}

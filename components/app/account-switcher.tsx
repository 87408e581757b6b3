"use client";
import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { switchAccountPath } from "@/lib/console-paths";

type Account = { slug: string; name: string };

// Shown only when the user belongs to several accounts: plain links to the same section of each account.
export function AccountSwitcher({ current, accounts }: { current: Account; accounts: Account[] }) {
  const pathname = usePathname();
  if (accounts.length < 2) return <span className="max-w-[10rem] truncate text-sm font-medium sm:max-w-xs">{current.name}</span>;
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger className="inline-flex items-center gap-1 rounded-md px-2 py-1 text-sm font-medium hover:bg-slate-100 dark:hover:bg-slate-800" aria-label={`Switch account (current: ${current.name})`}>
        <span className="max-w-[10rem] truncate sm:max-w-xs">{current.name}</span> ▾
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="start" sideOffset={4} className="z-50 min-w-48 max-w-[calc(100vw-2rem)] rounded-md border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 p-1 shadow-lg">
          <DropdownMenu.Label className="px-3 py-1 text-xs text-slate-500 dark:text-slate-400">Switch account</DropdownMenu.Label>
          {accounts.map((a) => (
            <DropdownMenu.Item key={a.slug} asChild className="block cursor-pointer rounded px-3 py-2 text-sm outline-none data-[highlighted]:bg-slate-100 dark:data-[highlighted]:bg-slate-800">
              <Link href={switchAccountPath(pathname, a.slug)} aria-current={a.slug === current.slug ? "page" : undefined}>
                {a.name}
              </Link>
            </DropdownMenu.Item>
          ))}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}

"use client";
import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import Link from "next/link";

type Account = { slug: string; name: string };

// Shown only when the user belongs to several accounts.
export function AccountSwitcher({ current, accounts, basePath }: { current: Account; accounts: Account[]; basePath: string }) {
  if (accounts.length < 2) return <span className="text-sm font-medium">{current.name}</span>;
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger className="rounded-md px-2 py-1 text-sm font-medium hover:bg-slate-100" aria-label={`Switch account (current: ${current.name})`}>
        {current.name} ▾
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="start" sideOffset={4} className="z-50 min-w-48 rounded-md border border-slate-200 bg-white p-1 shadow-lg">
          <DropdownMenu.Label className="px-3 py-1 text-xs text-slate-500">Switch account</DropdownMenu.Label>
          {accounts.map((a) => (
            <DropdownMenu.Item key={a.slug} asChild className="block cursor-pointer rounded px-3 py-2 text-sm outline-none data-[highlighted]:bg-slate-100">
              <Link href={`${basePath}?account=${encodeURIComponent(a.slug)}`} aria-current={a.slug === current.slug ? "page" : undefined}>
                {a.name}
              </Link>
            </DropdownMenu.Item>
          ))}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}

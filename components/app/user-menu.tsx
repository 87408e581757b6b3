"use client";
import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { signOut } from "next-auth/react";
import Link from "next/link";

const ITEM = "block cursor-pointer rounded px-3 py-2 text-sm outline-none data-[highlighted]:bg-slate-100 dark:data-[highlighted]:bg-slate-800";

export function UserMenu({ email, settingsHref, sourcesHref }: { email: string; settingsHref: string; sourcesHref: string }) {
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger className="rounded-md border border-slate-300 dark:border-slate-600 bg-white dark:bg-slate-900 inline-flex max-w-full items-center gap-1 px-3 py-1.5 text-sm" aria-label={`User menu for ${email}`}>
        <span className="max-w-[9rem] truncate sm:max-w-[16rem]">{email}</span> ▾
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="end" sideOffset={4} className="z-50 min-w-48 rounded-md border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 p-1 shadow-lg">
          <DropdownMenu.Item asChild className={ITEM}>
            <Link href={settingsHref}>Edit User Settings</Link>
          </DropdownMenu.Item>
          <DropdownMenu.Item asChild className={ITEM}>
            <Link href={sourcesHref}>Sources</Link>
          </DropdownMenu.Item>
          <DropdownMenu.Separator className="my-1 h-px bg-slate-200" />
          <DropdownMenu.Item className={ITEM} onSelect={() => signOut({ callbackUrl: "/login" })}>
            Sign out
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}

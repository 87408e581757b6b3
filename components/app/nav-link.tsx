"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

// A navigation link marked aria-current="page" on its page and every page under it.
export function NavLink({ href, className, children }: { href: string; className?: string; children: React.ReactNode }) {
  const pathname = usePathname();
  const current = pathname === href || pathname.startsWith(`${href}/`);
  return <Link href={href} aria-current={current ? "page" : undefined} className={className}>{children}</Link>;
}

// Every page of an account, under /{slug}/…: the app shell, once. Only a member of the account gets it; signed out →
// sign-in that comes back here; an unknown slug and one of an account the user is not in → the same 404.
// Pages check membership again themselves (the same cached call): a page never trusts its layout alone.
import { AppShell } from "@/components/app/app-shell";
import { requireAccountMember } from "@/lib/auth/session";

type Props = { children: React.ReactNode; params: Promise<{ account: string }> };

export default async function AccountLayout({ children, params }: Props) {
  const { account } = await params;
  const ctx = await requireAccountMember(account);
  return <AppShell ctx={ctx}>{children}</AppShell>;
}

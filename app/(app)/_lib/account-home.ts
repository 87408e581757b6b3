// An account's URL without a page (/{account}, /{account}/settings) → its Account Settings; a foreign slug → 404 first.
import { redirect } from "next/navigation";
import { requireAccountMember } from "@/lib/auth/session";
import { accountPath } from "@/lib/console-paths";

export async function redirectToAccountHome(params: Promise<{ account: string }>): Promise<never> {
  const { account } = await params;
  await requireAccountMember(account);
  redirect(accountPath(account, "/settings/account"));
}

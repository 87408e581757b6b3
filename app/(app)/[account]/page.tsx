// /{account} alone: the account's first page, as / is for the current account.
import { redirectToAccountHome } from "../_lib/account-home";

export default function AccountHome({ params }: { params: Promise<{ account: string }> }) {
  return redirectToAccountHome(params);
}

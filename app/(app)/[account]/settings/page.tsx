// /{account}/settings alone: its first tab, Account Settings.
import { redirectToAccountHome } from "../../_lib/account-home";

export default function SettingsHome({ params }: { params: Promise<{ account: string }> }) {
  return redirectToAccountHome(params);
}

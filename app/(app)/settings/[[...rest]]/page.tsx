// Old settings URLs (/settings/team?account=b …) keep working: they redirect to /{account}/settings/….
import { redirectToAccountPage, type OldPageProps } from "../../_lib/moved-page";

export default function OldSettingsPage(props: OldPageProps) {
  return redirectToAccountPage("/settings", props);
}

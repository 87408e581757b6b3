// The console's root: the current account's settings.
import { redirectToAccountPage, type OldPageProps } from "./_lib/moved-page";

export default function Home(props: OldPageProps) {
  return redirectToAccountPage("", props);
}

// Old sources URLs (/sources, /sources/3?account=b …) keep working: they redirect to /{account}/sources/….
import { redirectToAccountPage, type OldPageProps } from "../../_lib/moved-page";

export default function OldSourcesPage(props: OldPageProps) {
  return redirectToAccountPage("/sources", props);
}

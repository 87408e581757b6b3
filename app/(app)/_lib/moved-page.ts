// The console's old URLs (/, /settings/…, /sources/…, with ?account=) → the same page of the user's current account.
import { redirect } from "next/navigation";
import { requireCurrentMember } from "@/lib/auth/session";
import { movedConsolePath } from "@/lib/console-paths";

export type OldPageProps = { params: Promise<{ rest?: string[] }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// Redirect an old console page under `section` ("/settings", "/sources" or "") to its new URL; signed out → sign-in first.
export async function redirectToAccountPage(section: string, { params, searchParams }: OldPageProps): Promise<never> {
  const { rest = [] } = await params;
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(await searchParams)) for (const v of [value ?? []].flat()) query.append(name, v);
  const path = [section, ...rest.map(encodeURIComponent)].join("/") || "/";
  const member = await requireCurrentMember(`${path}${query.size ? `?${query}` : ""}`, query.get("account") ?? undefined);
  redirect(movedConsolePath(member.accountSlug, path, query));
}

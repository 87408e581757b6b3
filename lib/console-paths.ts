// Console URLs: every signed-in page lives under its account, /{slug}/settings/…, /{slug}/sources/….
// Pure path arithmetic shared by pages, links, e-mails and the redirects of the old URLs.

// The console path `rest` (e.g. "/sources/3") of the account with this slug.
export function accountPath(slug: string, rest: string): string {
  return `/${encodeURIComponent(slug)}${rest.startsWith("/") ? rest : `/${rest}`}`;
}

// The same, as a full URL on the public base URL (for e-mails and notices).
export function accountUrl(baseUrl: string, slug: string, rest: string): string {
  return `${baseUrl.replace(/\/$/, "")}${accountPath(slug, rest)}`;
}

// The pages with a place in the navigation; anything deeper (a source, a key) belongs to the closest of them.
const SECTIONS = ["/settings/account", "/settings/team", "/settings/activity", "/settings/destination", "/settings/profile", "/sources/new", "/sources"];

// The section a console path (after the slug) is in: "/sources/3/log" → "/sources"; unknown → "/settings/account".
export function sectionOf(rest: string): string {
  return SECTIONS.find((s) => rest === s || rest.startsWith(`${s}/`)) ?? "/settings/account";
}

// Split a pathname of the console into its account slug and the rest ("/acme/sources/3" → ["acme", "/sources/3"]).
export function splitAccountPath(pathname: string): { slug: string; rest: string } {
  const [, first = "", ...tail] = pathname.split("/");
  let slug = first;
  try {
    slug = decodeURIComponent(first);
  } catch {
    /* keep it as written */
  }
  return { slug, rest: `/${tail.join("/")}` };
}

// Where the account switcher goes from this page: the same section of the other account
// (from a detail page, such as a source, that account's list page).
export function switchAccountPath(pathname: string, toSlug: string): string {
  return accountPath(toSlug, sectionOf(splitAccountPath(pathname).rest));
}

// The new URL of an old one (/settings/team?account=b → /b/settings/team): the same page and query of the
// account `slug`, without the `account` parameter. `rest` is the old path ("/" for the console's root).
export function movedConsolePath(slug: string, rest: string, query: URLSearchParams): string {
  const page = rest === "/" || rest === "/settings" ? "/settings/account" : rest;
  const kept = new URLSearchParams(query);
  kept.delete("account");
  const search = kept.toString();
  return `${accountPath(slug, page)}${search ? `?${search}` : ""}`;
}

// The request header in which proxy.ts hands the requested page (path and query) to the pages.
export const REQUESTED_PAGE_HEADER = "x-bobbin-page";

// Account slugs are the first segment of every console URL (/{slug}/settings/account), so a slug must
// never name a top-level route of the app: that page would shadow the account (or the account the page).

// Every top-level segment under app/ (tests/account-slugs.test.ts checks the list against the folder),
// the old console sections that now redirect, and paths browsers and Next ask for on their own.
export const RESERVED_ACCOUNT_SLUGS: readonly string[] = [
  "api", "docs", "invite", "login", "notifications", "settings", "sources", "v4",
  "_next", "favicon.ico", "robots.txt", "sitemap.xml", "manifest.json", "icon", "apple-icon", "opengraph-image",
];

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,46}[a-z0-9])?$/;

// Why a slug cannot name an account, or null when it can: lower-case letters, digits and inner hyphens, not reserved.
export function accountSlugProblem(slug: string): string | null {
  if (!SLUG.test(slug)) return `"${slug}" is not a valid account slug: use 1 to 48 lower-case letters, digits and inner hyphens.`;
  if (RESERVED_ACCOUNT_SLUGS.includes(slug)) return `"${slug}" is reserved: it is a route of the console.`;
  return null;
}

// The slug, or a thrown error saying why it cannot name an account (for code that creates accounts).
export function assertAccountSlug(slug: string): string {
  const problem = accountSlugProblem(slug);
  if (problem) throw new Error(problem);
  return slug;
}

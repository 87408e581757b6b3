// The account is in the URL (/{slug}/…): two accounts in two tabs, foreign slugs answer 404, old URLs redirect.
import type { Page } from "@playwright/test";
import { expect, test, createAccount, PASSWORD, signIn, type TestAccount } from "./support/fixtures";
import type { Db } from "../lib/db/factory";

const keysOf = (page: Page) => page.getByRole("region", { name: "API access keys" });

// A member of two accounts: `first` (their own, whose name sorts first) and `second` (where they are a member).
async function twoAccounts(db: Db): Promise<{ first: TestAccount; second: TestAccount; email: string }> {
  const first = await createAccount(db, { name: `Alpha ${Date.now()}` });
  const second = await createAccount(db, { name: `Beta ${Date.now()}` });
  const email = first.emails[0];
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  await db.membership.create({ data: { accountId: second.id, userId: user.id, role: "member" } });
  return { first, second, email };
}

async function generateKey(page: Page, description: string) {
  await page.getByRole("button", { name: "Generate a Key" }).click();
  const configure = page.getByRole("dialog", { name: "Configure Your API Access Key" });
  await configure.getByLabel("Key Description").fill(description);
  await configure.getByRole("button", { name: "Save and Generate Key" }).click();
  const reveal = page.getByRole("dialog", { name: "Your new API access key" });
  await reveal.getByRole("button", { name: "Close and Continue" }).click();
  await expect(keysOf(page).getByRole("row", { name: new RegExp(description) })).toBeVisible();
}

test("a member of two accounts works in both at once, one per tab, each key landing in its own account", async ({ page, context, db }) => {
  const { first, second, email } = await twoAccounts(db);
  await signIn(page, email);
  const other = await context.newPage();
  await page.goto(`/${first.slug}/settings/account`);
  await other.goto(`/${second.slug}/settings/account`);
  await expect(page.getByRole("heading", { name: first.name })).toBeVisible();
  await expect(other.getByRole("heading", { name: second.name })).toBeVisible();

  // Interleaved: the second tab acts after the first moved on, and neither leaks into the other.
  await generateKey(page, "first tab key");
  await generateKey(other, "second tab key");
  await page.reload();
  await other.reload();
  await expect(keysOf(page).getByRole("row", { name: /first tab key/ })).toBeVisible();
  await expect(keysOf(page).getByRole("row", { name: /second tab key/ })).toHaveCount(0);
  await expect(keysOf(other).getByRole("row", { name: /second tab key/ })).toBeVisible();
  await expect(keysOf(other).getByRole("row", { name: /first tab key/ })).toHaveCount(0);

  const keys = await db.apiKey.findMany({ where: { accountId: { in: [first.id, second.id] } }, select: { accountId: true, description: true } });
  expect(keys.sort((a, b) => a.accountId - b.accountId)).toEqual([
    { accountId: first.id, description: "first tab key" },
    { accountId: second.id, description: "second tab key" },
  ]);

  // The switcher is plain navigation to the same section of the other account.
  await page.goto(`/${first.slug}/settings/team`);
  await page.getByRole("button", { name: `Switch account (current: ${first.name})` }).click();
  await page.getByRole("menuitem", { name: second.name }).click();
  await expect(page).toHaveURL(new RegExp(`/${second.slug}/settings/team$`));
  await expect(page.getByRole("heading", { name: `Team members of ${second.name}` })).toBeVisible();
});

test("an account you are not a member of answers exactly as an unknown one: 404", async ({ page, db }) => {
  const mine = await createAccount(db);
  const foreign = await createAccount(db);
  await signIn(page, mine.emails[0]);
  const pages = [];
  for (const slug of [foreign.slug, `no-such-${Date.now()}`]) {
    const response = await page.goto(`/${slug}/settings/account`);
    expect(response?.status(), slug).toBe(404);
    pages.push((await page.locator("main").innerText()).replaceAll(slug, "SLUG"));
  }
  expect(pages[0]).toBe(pages[1]);
  expect(pages[0]).not.toContain(foreign.name);
  const response = await page.goto(`/${foreign.slug}/sources`);
  expect(response?.status()).toBe(404);
});

test("old URLs redirect to the same page of the current account, keeping their query", async ({ page, db }) => {
  const { first, second, email } = await twoAccounts(db);
  await signIn(page, email);
  await page.goto(`/settings/team?account=${second.slug}`);
  await expect(page).toHaveURL(new RegExp(`/${second.slug}/settings/team$`));
  await expect(page.getByRole("heading", { name: `Team members of ${second.name}` })).toBeVisible();
  // Without ?account= (or with one the user is not in): the first account.
  await page.goto("/sources/new");
  await expect(page).toHaveURL(new RegExp(`/${first.slug}/sources/new$`));
  await page.goto(`/sources/12345?account=not-mine&tab=log`);
  await expect(page).toHaveURL(new RegExp(`/${first.slug}/sources/12345\\?tab=log$`));
  await page.goto("/");
  await expect(page).toHaveURL(new RegExp(`/${first.slug}/settings/account$`));
});

test("an old URL opened signed out goes through sign-in to the new page", async ({ page, db }) => {
  const { second, email } = await twoAccounts(db);
  await page.goto(`/settings/activity?account=${second.slug}`);
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`/${second.slug}/settings/activity$`));
});

test("an account's bare URL opens its Account Settings; a foreign one and a path no account can have answer 404", async ({ page, db }) => {
  const mine = await createAccount(db);
  const foreign = await createAccount(db);
  // Signed out, a path that cannot be an account is a plain 404, not a sign-in page.
  expect((await page.goto("/favicon.ico"))?.status()).toBe(404);
  expect((await page.goto("/robots.txt"))?.status()).toBe(404);
  // Signed out, an account's bare URL goes through sign-in, then to its Account Settings.
  await page.goto(`/${mine.slug}`);
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
  await page.getByLabel("Email").fill(mine.emails[0]);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`/${mine.slug}/settings/account$`));
  for (const path of [`/${mine.slug}`, `/${mine.slug}/settings`]) {
    await page.goto(path);
    await expect(page).toHaveURL(new RegExp(`/${mine.slug}/settings/account$`));
    await expect(page.getByRole("heading", { name: mine.name })).toBeVisible();
  }
  for (const path of [`/${foreign.slug}`, `/${foreign.slug}/settings`, "/favicon.ico"]) {
    expect((await page.goto(path))?.status(), path).toBe(404);
  }
});

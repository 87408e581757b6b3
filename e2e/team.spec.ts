import { expect, test, createAccount, createKey, signIn, PASSWORD } from "./support/fixtures";
import { apiAs, errorOf } from "./support/api";

test("invite → join through the link in a fresh browser → the new member sees the keys", async ({ page, db, browser }) => {
  const account = await createAccount(db);
  await createKey(db, account, 0, "Shared loader key");
  await signIn(page, account.emails[0]);
  await page.goto(`/${account.slug}/settings/team`);
  const newcomer = `new-${Date.now()}@example.test`;
  await page.getByLabel("Email").fill(newcomer);
  await page.getByRole("button", { name: "Create invitation" }).click();
  const link = await page.getByLabel(/Invitation link/).inputValue();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);

  const fresh = await browser.newContext();
  const guest = await fresh.newPage();
  await guest.goto(link);
  await expect(guest.getByRole("heading", { name: `Join ${account.name}` })).toBeVisible();
  await guest.getByLabel("Your name").fill("Nina Newcomer");
  await guest.getByLabel("Choose a password").fill("short");
  await guest.getByLabel("Repeat the password").fill("short");
  await guest.getByRole("button", { name: "Create account and join" }).click();
  await expect(guest.getByText("Use at least 10 characters.")).toBeVisible();
  await guest.getByLabel("Choose a password").fill("a-good-long-password");
  await guest.getByLabel("Repeat the password").fill("a-good-long-password");
  await guest.getByRole("button", { name: "Create account and join" }).click();
  await expect(guest).toHaveURL(new RegExp(`/${account.slug}/settings/account$`));
  await expect(guest.getByRole("row", { name: /Shared loader key/ })).toBeVisible();

  // The link is single-use.
  await guest.goto(link);
  await expect(guest.getByRole("heading", { name: "This invitation cannot be used" })).toBeVisible();
  await fresh.close();

  await page.goto(`/${account.slug}/settings/activity`);
  await expect(page.getByRole("row", { name: /Member invited/ })).toContainText(newcomer);
  await expect(page.getByRole("row", { name: /Member joined/ })).toContainText(newcomer);
});

test("pending invitations are listed with who sent them; Revoke stops the link; the invitation link names this site", async ({ page, db, browser }) => {
  const account = await createAccount(db);
  await signIn(page, account.emails[0]);
  await page.goto(`/${account.slug}/settings/team`);
  const invitee = `pending-${Date.now()}@example.test`;
  await page.getByLabel("Email").fill(invitee);
  await page.getByRole("button", { name: "Create invitation" }).click();
  const link = await page.getByLabel(/Invitation link/).inputValue();
  expect(new URL(link).origin).toBe(new URL(page.url()).origin);
  await page.reload();
  const pending = page.getByRole("table", { name: "Pending invitations of this account" });
  await expect(pending.getByRole("row", { name: new RegExp(invitee) })).toContainText(account.emails[0]);
  await pending.getByRole("button", { name: `Revoke the invitation of ${invitee}` }).click();
  await expect(page.getByText(`The invitation of ${invitee} was revoked.`)).toBeVisible();
  await expect(page.getByText("No pending invitations.")).toBeVisible();
  const fresh = await browser.newContext();
  const guest = await fresh.newPage();
  await guest.goto(link);
  await expect(guest.getByRole("heading", { name: "This invitation cannot be used" })).toBeVisible();
  await fresh.close();
  await page.goto(`/${account.slug}/settings/activity`);
  await expect(page.getByRole("row", { name: /Invitation revoked/ })).toContainText(invitee);
});

test("an owner removes a member: their keys read 'creator removed', they lose the account, Activity shows it", async ({ page, db, browser, request }) => {
  const account = await createAccount(db, { members: 2 });
  const { key, plaintext } = await createKey(db, account, 1, "Member's cron key");
  const api = apiAs(request, plaintext);
  expect((await api.get("/v4/sources")).status()).toBe(200);

  const memberContext = await browser.newContext();
  const memberPage = await memberContext.newPage();
  await signIn(memberPage, account.emails[1], PASSWORD);
  await memberPage.goto(`/${account.slug}/settings/account`);
  await expect(memberPage.getByRole("row", { name: /Member's cron key/ })).toBeVisible();

  await signIn(page, account.emails[0]);
  await page.goto(`/${account.slug}/settings/team`);
  await page.getByRole("button", { name: `Remove ${account.emails[1]}` }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Remove member" }).click();
  await expect(page.getByRole("status").first()).toContainText(`${account.emails[1]} was removed. 1 of their keys was disabled.`);
  await expect(page.getByRole("cell", { name: account.emails[1] })).toHaveCount(0);
  // The removed member's key is refused by the API from the next request on.
  const refused = await api.get("/v4/sources");
  expect(refused.status()).toBe(401);
  expect((await errorOf(refused)).type).toBe("Unauthorized");

  await page.goto(`/${account.slug}/settings/account`);
  const row = page.getByRole("row", { name: /Member's cron key/ });
  await expect(row).toContainText("Disabled — creator removed");
  await row.getByRole("button", { name: `Actions for key ending ${key.last4}` }).click();
  await page.getByRole("menuitem", { name: "Re-enable this key" }).click();
  await expect(page.getByRole("status").first()).toContainText("cannot be re-enabled");
  await expect(row).toContainText("Disabled — creator removed");

  // The removed member's still-valid session no longer reaches the account.
  expect((await memberPage.goto(`/${account.slug}/settings/account`))?.status()).toBe(404);
  await memberContext.close();

  await page.goto(`/${account.slug}/settings/activity`);
  await expect(page.getByRole("row", { name: /Member removed/ })).toContainText(account.emails[1]);
  await expect(page.getByRole("row", { name: /Key auto-disabled: creator removed/ })).toContainText(key.last4);
});

test("members who are not owners see the team but cannot change it", async ({ page, db }) => {
  const account = await createAccount(db, { members: 2 });
  await signIn(page, account.emails[1]);
  await page.goto(`/${account.slug}/settings/team`);
  await expect(page.getByRole("cell", { name: account.emails[0] })).toBeVisible();
  await expect(page.getByRole("button", { name: /Remove/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Create invitation" })).toHaveCount(0);
});

test("an invalid invitation link gets a clear page", async ({ page }) => {
  await page.goto("/invite/this-is-not-a-real-invitation-token");
  await expect(page.getByRole("heading", { name: "This invitation cannot be used" })).toBeVisible();
});

// The one form pattern (components/forms/use-form-action.ts), as a person sees it: a server that does not answer
// is said once, in words, and what was typed stays; the invitation's one-click join runs on it too.
import { expect, test, createAccount, signIn } from "./support/fixtures";

test("a form whose server does not answer says so, keeps what was typed, and works on the next try", async ({ page, db }) => {
  const account = await createAccount(db);
  await signIn(page, account.emails[0]);
  const settings = `/${account.slug}/settings/account`;
  await page.goto(settings);

  // Every server action is a POST to the page: make the network drop them.
  const drop = (route: import("@playwright/test").Route) => (route.request().method() === "POST" ? route.abort("connectionreset") : route.fallback());
  await page.route(`**${settings}`, drop);
  await page.getByRole("button", { name: "Generate a Key" }).click();
  const configure = page.getByRole("dialog", { name: "Configure Your API Access Key" });
  await configure.getByLabel("Key Description").fill("Nightly loader");
  await configure.getByRole("button", { name: "Save and Generate Key" }).click();
  await expect(configure.getByRole("alert")).toHaveText("The key could not be generated: the server did not answer. Try again.");
  await expect(configure.getByLabel("Key Description")).toHaveValue("Nightly loader");
  expect(await db.apiKey.count({ where: { accountId: account.id } })).toBe(0);

  await page.unroute(`**${settings}`, drop);
  await configure.getByRole("button", { name: "Save and Generate Key" }).click();
  const reveal = page.getByRole("dialog", { name: "Your new API access key" });
  await expect(reveal.getByLabel("API access key")).toHaveValue(/^bobbin_/);
  expect(await db.apiKey.count({ where: { accountId: account.id, description: "Nightly loader" } })).toBe(1);
});

test("a field the server refuses is marked at the field, and the message clears on the next try", async ({ page, db }) => {
  const account = await createAccount(db);
  await signIn(page, account.emails[0]);
  await page.goto(`/${account.slug}/settings/account`);
  await page.getByRole("button", { name: "Generate a Key" }).click();
  const configure = page.getByRole("dialog", { name: "Configure Your API Access Key" });
  const description = configure.getByLabel("Key Description");
  await configure.getByRole("button", { name: "Save and Generate Key" }).click();
  await expect(description).toHaveAttribute("aria-invalid", "true");
  await expect(configure.getByText("Enter a description.")).toBeVisible();

  await description.fill("Fixed description");
  await configure.getByRole("button", { name: "Save and Generate Key" }).click();
  await expect(page.getByRole("dialog", { name: "Your new API access key" })).toBeVisible();
});

test("a person signed in as the invited address joins with one click", async ({ page, db, browser }) => {
  const inviting = await createAccount(db);
  const elsewhere = await createAccount(db);
  const invitee = elsewhere.emails[0];
  await signIn(page, inviting.emails[0]);
  await page.goto(`/${inviting.slug}/settings/team`);
  await page.getByLabel("Email").fill(invitee);
  await page.getByRole("button", { name: "Create invitation" }).click();
  const link = await page.getByLabel(/Invitation link/).inputValue();

  const context = await browser.newContext();
  try {
    const guest = await context.newPage();
    await signIn(guest, invitee);
    await guest.goto(link);
    await guest.getByRole("button", { name: "Accept invitation" }).click();
    await expect(guest).toHaveURL(new RegExp(`/${inviting.slug}/settings/account$`));
    await expect(guest.getByRole("heading", { name: inviting.name })).toBeVisible();
    const user = await db.user.findUniqueOrThrow({ where: { email: invitee } });
    expect(await db.membership.count({ where: { accountId: inviting.id, userId: user.id } })).toBe(1);
  } finally {
    await context.close();
  }
});

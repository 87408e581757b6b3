import { expect, test, createAccount, createKey, signIn } from "./support/fixtures";
import type { Page } from "@playwright/test";

const settings = (slug: string) => `/${slug}/settings/account`;
const section = (page: Page) => page.getByRole("region", { name: "API access keys" });

test("generate a key: configure, see it once, copy it, close, and it is never shown again", async ({ page, db, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const account = await createAccount(db);
  await signIn(page, account.emails[0]);
  await page.goto(settings(account.slug));
  await expect(section(page).getByText("You can generate up to 10 access keys.")).toBeVisible();
  await expect(section(page).getByText("This account has no API access keys yet.")).toBeVisible();

  await page.getByRole("button", { name: "Generate a Key" }).click();
  const configure = page.getByRole("dialog", { name: "Configure Your API Access Key" });
  await configure.getByLabel("Key Description").fill("Used to create and configure Salesforce integrations");
  await configure.getByRole("button", { name: "Save and Generate Key" }).click();

  const reveal = page.getByRole("dialog", { name: "Your new API access key" });
  const field = reveal.getByLabel("API access key");
  await expect(field).toHaveValue(/^bobbin_[0-9A-Za-z]{49}$/);
  await expect(field).toHaveAttribute("readonly", "");
  const key = await field.inputValue();
  await expect(reveal.getByText("This key will not be shown again.")).toBeVisible();
  await expect(reveal.getByLabel("curl example")).toContainText(`curl -H "Authorization: Bearer ${key}"`);
  await reveal.getByRole("button", { name: "Copy" }).click();
  await expect(reveal.getByText("Copied to the clipboard.")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);

  await reveal.getByRole("button", { name: "Close and Continue" }).click();
  await expect(reveal).toBeHidden();
  const row = section(page).getByRole("row", { name: /Salesforce/ });
  await expect(row.getByRole("cell").nth(0)).toHaveText(key.slice(-4));
  await expect(row).toContainText(`by ${account.emails[0]}`);
  await expect(row).toContainText("Never");
  await expect(row).toContainText("Enabled");
  await expect(row.getByRole("button", { name: `Actions for key ending ${key.slice(-4)}` })).toBeVisible();
  expect(await page.content()).not.toContain(key);

  await page.reload();
  await expect(section(page).getByRole("row", { name: /Salesforce/ })).toBeVisible();
  expect(await page.content()).not.toContain(key);
  await expect(page.getByRole("dialog")).toHaveCount(0);
});

test("Escape closes the reveal dialog and drops the key", async ({ page, db }) => {
  const account = await createAccount(db);
  await signIn(page, account.emails[0]);
  await page.goto(settings(account.slug));
  await page.getByRole("button", { name: "Generate a Key" }).click();
  await page.getByLabel("Key Description").fill("escape test");
  await page.getByRole("button", { name: "Save and Generate Key" }).click();
  const key = await page.getByRole("textbox", { name: "API access key", exact: true }).inputValue();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Generate a Key" })).toBeFocused();
  await page.getByRole("button", { name: "Generate a Key" }).click();
  await expect(page.getByRole("dialog", { name: "Configure Your API Access Key" })).toBeVisible();
  expect(await page.content()).not.toContain(key);
});

test("an empty description gets a message at the field and saves nothing", async ({ page, db }) => {
  const account = await createAccount(db);
  await signIn(page, account.emails[0]);
  await page.goto(settings(account.slug));
  await page.getByRole("button", { name: "Generate a Key" }).click();
  const dialog = page.getByRole("dialog", { name: "Configure Your API Access Key" });
  await dialog.getByLabel("Key Description").fill("   ");
  await dialog.getByRole("button", { name: "Save and Generate Key" }).click();
  await expect(dialog.getByText("Enter a description.")).toBeVisible();
  await expect(dialog.getByLabel("Key Description")).toHaveAttribute("aria-invalid", "true");
  expect(await db.apiKey.count({ where: { accountId: account.id } })).toBe(0);
});

test("another member of the account sees the key, its creator and last 4", async ({ page, db }) => {
  const account = await createAccount(db, { members: 2 });
  const { key } = await createKey(db, account, 0, "Nightly loader");
  await signIn(page, account.emails[1]);
  await page.goto(settings(account.slug));
  const row = section(page).getByRole("row", { name: /Nightly loader/ });
  await expect(row).toContainText(key.last4);
  await expect(row).toContainText(`by ${account.emails[0]}`);
});

test("disable, see Disabled, re-enable", async ({ page, db }) => {
  const account = await createAccount(db);
  const { key } = await createKey(db, account, 0, "Toggle me");
  await signIn(page, account.emails[0]);
  await page.goto(settings(account.slug));
  const row = section(page).getByRole("row", { name: /Toggle me/ });
  await row.getByRole("button", { name: `Actions for key ending ${key.last4}` }).click();
  await page.getByRole("menuitem", { name: "Disable this key" }).click();
  await expect(section(page).getByRole("status")).toHaveText(`Key ending ${key.last4} is disabled.`);
  await expect(row.getByRole("cell").nth(4)).toHaveText("Disabled");
  await row.getByRole("button", { name: `Actions for key ending ${key.last4}` }).click();
  await page.getByRole("menuitem", { name: "Re-enable this key" }).click();
  await expect(row.getByRole("cell").nth(4)).toHaveText("Enabled");
  expect((await db.apiKey.findUniqueOrThrow({ where: { id: key.id } })).status).toBe("enabled");
});

test("delete asks first: Cancel keeps the key, Delete removes it", async ({ page, db }) => {
  const account = await createAccount(db);
  const { key } = await createKey(db, account, 0, "Doomed key");
  await signIn(page, account.emails[0]);
  await page.goto(settings(account.slug));
  const menu = section(page).getByRole("button", { name: `Actions for key ending ${key.last4}` });
  await menu.click();
  await page.getByRole("menuitem", { name: "Delete this key" }).click();
  const confirm = page.getByRole("dialog", { name: "Delete this key?" });
  await expect(confirm).toContainText("Doomed key");
  await expect(confirm).toContainText(key.last4);
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(confirm).toBeHidden();
  await expect(menu).toBeFocused();
  await expect(section(page).getByRole("row", { name: /Doomed key/ })).toBeVisible();

  await menu.click();
  await page.getByRole("menuitem", { name: "Delete this key" }).click();
  await confirm.getByRole("button", { name: "Delete", exact: true }).click();
  await expect(section(page).getByRole("row", { name: /Doomed key/ })).toHaveCount(0);
  await expect(section(page).getByText("This account has no API access keys yet.")).toBeVisible();
  expect(await db.apiKey.count({ where: { accountId: account.id } })).toBe(0);
});

test("at 10 keys the button is disabled and the page says why", async ({ page, db }) => {
  const account = await createAccount(db);
  for (let i = 0; i < 10; i++) await createKey(db, account, 0, `key ${i}`);
  await signIn(page, account.emails[0]);
  await page.goto(settings(account.slug));
  await expect(page.getByRole("button", { name: "Generate a Key" })).toBeDisabled();
  await expect(section(page)).toContainText("enabled and disabled keys both count");
  await expect(section(page).getByRole("row")).toHaveCount(11);
});

test("a member of Globex never sees Acme's keys", async ({ page, db }) => {
  const acme = await db.account.findUniqueOrThrow({ where: { slug: "acme-data" } });
  const description = `Acme secret job ${Date.now()}`;
  await createKey(db, { id: acme.id, slug: acme.slug, name: acme.name, emails: ["alice@example.com"] }, 0, description);
  await signIn(page, "dave@example.com", "bobbin-demo");
  await page.goto("/globex/settings/account");
  await expect(section(page)).toBeVisible();
  await expect(page.getByText(description)).toHaveCount(0);
  expect((await page.goto("/acme-data/settings/account"))?.status()).toBe(404);
});

test("erin (Initech, Standard plan) sees the Enterprise call-to-action instead of the button", async ({ page }) => {
  await signIn(page, "erin@example.com", "bobbin-demo");
  await page.goto("/initech/settings/account");
  await expect(section(page).getByText("API access is an Enterprise feature")).toBeVisible();
  await expect(section(page).getByRole("link", { name: /Contact Bobbin Sales/ })).toBeVisible();
  await expect(page.getByRole("button", { name: "Generate a Key" })).toHaveCount(0);
});

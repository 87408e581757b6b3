// The main flows on a phone (390 × 844, touch): a key from generate and copy to delete, Team, adding a source, Activity.
import { expect, test, createAccount, signIn } from "../support/fixtures";
import { SOURCE_PASSWORD } from "../support/source-servers";
import { expectNoSidewaysScroll, expectWithinWidth } from "./layout";

test.describe.configure({ timeout: 60_000 });

test("keys on a phone: generate and copy a key, disable, re-enable and delete it", async ({ page, context, db }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const account = await createAccount(db);
  await signIn(page, account.emails[0]);
  await expect(page.getByRole("heading", { name: "API access keys" })).toBeVisible();
  await expectNoSidewaysScroll(page, "Account Settings");

  await page.getByRole("button", { name: "Generate a Key" }).tap();
  const configure = page.getByRole("dialog", { name: "Configure Your API Access Key" });
  await configure.getByLabel("Key Description").fill("Phone loader");
  await configure.getByRole("button", { name: "Save and Generate Key" }).tap();
  const reveal = page.getByRole("dialog", { name: "Your new API access key" });
  const field = reveal.getByLabel("API access key");
  const key = await field.inputValue();
  expect(key.length).toBeGreaterThan(20);
  // The dialog fits; the key scrolls inside its field, and Copy stays beside it, in view.
  await expectWithinWidth(page, reveal, "the reveal dialog");
  await expectWithinWidth(page, reveal.getByRole("button", { name: "Copy" }), "Copy");
  await expectWithinWidth(page, field, "the key's field");
  await reveal.getByRole("button", { name: "Copy" }).tap();
  await expect(reveal.getByText("Copied to the clipboard.")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
  await reveal.getByRole("button", { name: "Close and Continue" }).tap();
  await expect(reveal).toBeHidden();

  // The key's card: its status, and its actions button in view.
  const actions = page.getByRole("button", { name: `Actions for key ending ${key.slice(-4)}` });
  const card = page.getByRole("row").filter({ has: actions });
  await expect(card).toContainText("Phone loader");
  await expect(card).toContainText("Enabled");
  await expectWithinWidth(page, actions, "the key's actions button");
  await actions.tap();
  await page.getByRole("menuitem", { name: "Disable this key" }).tap();
  await expect(card).toContainText("Disabled");
  await actions.tap();
  await page.getByRole("menuitem", { name: "Re-enable this key" }).tap();
  await expect(card).toContainText("Enabled");
  await actions.tap();
  await page.getByRole("menuitem", { name: "Delete this key" }).tap();
  const confirm = page.getByRole("dialog", { name: "Delete this key?" });
  await expectWithinWidth(page, confirm, "the delete confirmation");
  await expectWithinWidth(page, confirm.getByRole("button", { name: "Delete", exact: true }), "Delete");
  await confirm.getByRole("button", { name: "Delete", exact: true }).tap();
  await expect(page.getByText("This account has no API access keys yet.")).toBeVisible();
  expect(await db.apiKey.count({ where: { accountId: account.id } })).toBe(0);
});

test("on a phone: open Team, add a source from the top bar, and see it in Activity", async ({ page, db, sourceDatabase }) => {
  const account = await createAccount(db, { members: 2 });
  await signIn(page, account.emails[0]);
  const tabs = page.getByRole("navigation", { name: "Settings" });
  await tabs.getByRole("link", { name: "Team" }).tap();
  await expect(page.getByRole("heading", { name: /^Team members of / })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: account.emails[1] })).toBeVisible();
  await expectWithinWidth(page, page.getByRole("button", { name: `Remove ${account.emails[1]}` }), "Remove");
  await expectNoSidewaysScroll(page, "Team");

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sources" }).tap();
  await expect(page.getByRole("heading", { name: "Sources", level: 1 })).toBeVisible();
  await page.getByRole("link", { name: "Add a PostgreSQL source" }).tap();
  await page.getByLabel("Display name").fill("Phone DB");
  await page.getByLabel("Host", { exact: true }).fill("127.0.0.1");
  await page.getByLabel("Port", { exact: true }).fill("5432");
  await page.getByLabel("Database", { exact: true }).fill(sourceDatabase);
  await page.getByLabel("User", { exact: true }).fill("postgres");
  await page.getByLabel("Password", { exact: true }).fill(SOURCE_PASSWORD);
  await expectNoSidewaysScroll(page, "Add a PostgreSQL source");
  await page.getByRole("button", { name: "Save and check the connection" }).tap();
  await expect(page.getByRole("heading", { name: "Phone DB", level: 1 })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Last check" })).toContainText("Succeeded", { timeout: 20_000 });
  await expect(page.getByRole("checkbox", { name: "Replicate table customers" })).toBeVisible();
  await expectNoSidewaysScroll(page, "the source's page");

  // The user menu stays reachable in the collapsed top bar.
  await page.getByRole("button", { name: `User menu for ${account.emails[0]}` }).tap();
  await page.getByRole("menuitem", { name: "Edit User Settings" }).tap();
  await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Activity" }).tap();
  await expect(page.getByRole("row").filter({ hasText: "Source created" })).toContainText("phone_db");
  await expectNoSidewaysScroll(page, "Activity");
});

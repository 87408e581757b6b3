// axe-core on every page and every open dialog or menu: zero violations (all rules axe runs by default).
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test, createAccount, createKey, signIn } from "./support/fixtures";
import { apiAs } from "./support/api";
import { discoveredSource } from "./support/source-servers";

// Each scan takes seconds on a busy 2-core machine, and some tests scan many states.
test.describe.configure({ timeout: 90_000 });

async function expectNoViolations(page: Page, what: string) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const summary = violations.map((v) => `${v.id}: ${v.help} → ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(summary, `axe violations on ${what}`).toEqual([]);
}

test("sign-in page and the 404", async ({ page }) => {
  await page.goto("/login");
  await expectNoViolations(page, "/login");
  // Two segments: one alone could be an account's URL (/{account}), which sends a signed-out visitor to sign in.
  await page.goto("/this-page/does-not-exist");
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expectNoViolations(page, "404");
});

test("settings pages: profile, account with keys, team, activity", async ({ page, db }) => {
  const account = await createAccount(db, { members: 2 });
  const { key } = await createKey(db, account, 0, "Nightly loader");
  await createKey(db, account, 1, "Disabled one");
  await db.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: new Date(Date.now() - 3 * 60_000) } });
  await signIn(page, account.emails[0]);
  for (const path of ["profile", "account", "team", "activity"]) {
    await page.goto(`/${account.slug}/settings/${path}`);
    await expectNoViolations(page, `/settings/${path}`);
  }
});

test("the keys page's dialogs and menus: configure, reveal, row menu, delete confirmation", async ({ page, db }) => {
  const account = await createAccount(db);
  const { key } = await createKey(db, account, 0, "Existing key");
  await signIn(page, account.emails[0]);
  await page.goto(`/${account.slug}/settings/account`);

  await page.getByRole("button", { name: "Generate a Key" }).click();
  const configure = page.getByRole("dialog", { name: "Configure Your API Access Key" });
  await expect(configure).toBeVisible();
  await expectNoViolations(page, "Generate a Key: configure");
  await configure.getByRole("button", { name: "Save and Generate Key" }).click();
  await expect(configure.getByText("Enter a description.")).toBeVisible();
  await expectNoViolations(page, "Generate a Key: configure with a field error");
  await configure.getByLabel("Key Description").fill("axe check");
  await configure.getByRole("button", { name: "Save and Generate Key" }).click();
  const reveal = page.getByRole("dialog", { name: "Your new API access key" });
  await reveal.getByRole("button", { name: "Copy" }).click();
  await expect(reveal.getByRole("status")).not.toBeEmpty();
  await expectNoViolations(page, "Generate a Key: reveal");
  await reveal.getByRole("button", { name: "Close and Continue" }).click();

  await page.getByRole("button", { name: `Actions for key ending ${key.last4}` }).click();
  await expect(page.getByRole("menu")).toBeVisible();
  await expectNoViolations(page, "row menu open");
  await page.getByRole("menuitem", { name: "Delete this key" }).click();
  await expect(page.getByRole("dialog", { name: "Delete this key?" })).toBeVisible();
  await expectNoViolations(page, "delete confirmation");
});

test("team: an invitation link shown, the remove dialog, and the invitation page", async ({ page, db, browser }) => {
  const account = await createAccount(db, { members: 2 });
  await signIn(page, account.emails[0]);
  await page.goto(`/${account.slug}/settings/team`);
  await page.getByLabel("Email").fill(`axe-${Date.now()}@example.test`);
  await page.getByRole("button", { name: "Create invitation" }).click();
  const link = await page.getByLabel(/Invitation link/).inputValue();
  await expectNoViolations(page, "team with an invitation link");
  await page.getByRole("button", { name: `Remove ${account.emails[1]}` }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await expectNoViolations(page, "remove member dialog");

  const guest = await (await browser.newContext()).newPage();
  await guest.goto(link);
  await expect(guest.getByRole("heading", { name: `Join ${account.name}` })).toBeVisible();
  await expectNoViolations(guest, "invitation page");
  await guest.goto("/invite/not-a-real-token");
  await expectNoViolations(guest, "invalid invitation page");
  await guest.context().close();
});

test("sources: the list, the add form with its errors, a discovered source with its edit form, replication choices and delete confirmation", async ({ page, request, db, sourceDatabase }) => {
  const account = await createAccount(db);
  const id = await discoveredSource(apiAs(request, (await createKey(db, account)).plaintext), sourceDatabase);
  await signIn(page, account.emails[0]);
  await page.goto(`/${account.slug}/sources`);
  await expect(page.getByRole("row", { name: /Source / })).toContainText("Succeeded");
  await expectNoViolations(page, "/sources");

  await page.goto(`/${account.slug}/sources/new`);
  await page.getByRole("button", { name: "Save and check the connection" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "highlighted" })).toBeVisible();
  await expectNoViolations(page, "/sources/new with field errors");

  await page.goto(`/${account.slug}/sources/${id}`);
  await page.getByText("Edit connection details").click();
  await page.getByRole("checkbox", { name: "Replicate table customers" }).check();
  await page.getByRole("combobox", { name: "Replication method of customers" }).selectOption("INCREMENTAL");
  await page.getByRole("button", { name: "Save selection" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "INCREMENTAL" })).toBeVisible();
  await expectNoViolations(page, "/sources/[id] with the edit form open and a selection error");
  await page.getByRole("button", { name: "Delete this source" }).click();
  await expect(page.getByRole("dialog", { name: "Delete this source?" })).toBeVisible();
  await expectNoViolations(page, "the delete-source confirmation");
});

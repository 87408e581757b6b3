// The keys page by keyboard alone: Tab, Enter, Space, Escape and the arrow keys; no mouse.
import type { Locator, Page } from "@playwright/test";
import { expect, test, createAccount, createKey, signIn } from "./support/fixtures";

const section = (page: Page) => page.getByRole("region", { name: "API access keys" });

// Press Tab until the target has focus, as a keyboard user would (fails if it is not in the tab order).
async function tabTo(page: Page, target: Locator, limit = 40) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`not reachable by Tab in ${limit} presses: ${target}`);
}

test("generate a key with a description, copy it, close the reveal; focus comes back to the trigger", async ({ page, db, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const account = await createAccount(db);
  await signIn(page, account.emails[0]);
  await page.goto(`/${account.slug}/settings/account`);
  const trigger = page.getByRole("button", { name: "Generate a Key" });

  // Escape from the configure step returns focus too.
  await tabTo(page, trigger);
  await page.keyboard.press("Enter");
  const configure = page.getByRole("dialog", { name: "Configure Your API Access Key" });
  await expect(configure.getByLabel("Key Description")).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(configure).toBeHidden();
  await expect(trigger).toBeFocused();

  await page.keyboard.press("Space");
  await expect(configure.getByLabel("Key Description")).toBeFocused();
  await page.keyboard.type("Typed by keyboard");
  await page.keyboard.press("Enter");
  const reveal = page.getByRole("dialog", { name: "Your new API access key" });
  const key = await reveal.getByLabel("API access key").inputValue();
  expect(key).toMatch(/^bobbin_/);
  await tabTo(page, reveal.getByRole("button", { name: "Copy" }), 5);
  await page.keyboard.press("Space");
  await expect(reveal.getByText("Copied to the clipboard.")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
  await tabTo(page, reveal.getByRole("button", { name: "Close and Continue" }), 5);
  await page.keyboard.press("Enter");
  await expect(reveal).toBeHidden();
  await expect(trigger).toBeFocused();
  await expect(section(page).getByRole("row", { name: /Typed by keyboard/ })).toContainText(key.slice(-4));
});

test("row menu by keyboard: disable, re-enable, Escape cancels a delete, then delete with confirm", async ({ page, db }) => {
  const account = await createAccount(db);
  const { key } = await createKey(db, account, 0, "Keyboard key");
  await signIn(page, account.emails[0]);
  await page.goto(`/${account.slug}/settings/account`);
  const row = section(page).getByRole("row", { name: /Keyboard key/ });
  const menuButton = row.getByRole("button", { name: `Actions for key ending ${key.last4}` });
  const status = row.getByRole("cell").nth(4);

  await tabTo(page, menuButton);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("menuitem", { name: "Disable this key" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(status).toHaveText("Disabled");
  await expect(menuButton).toBeFocused();

  await page.keyboard.press("ArrowDown"); // Radix opens the menu on ArrowDown as well
  await expect(page.getByRole("menuitem", { name: "Re-enable this key" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(status).toHaveText("Enabled");
  expect((await db.apiKey.findUniqueOrThrow({ where: { id: key.id } })).status).toBe("enabled");
  await expect(menuButton).toBeFocused();

  await page.keyboard.press("Enter");
  await page.keyboard.press("End"); // Delete is the menu's last item (after Edit and Roll)
  await expect(page.getByRole("menuitem", { name: "Delete this key" })).toBeFocused();
  await page.keyboard.press("Enter");
  const confirm = page.getByRole("dialog", { name: "Delete this key?" });
  await expect(confirm).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(confirm).toBeHidden();
  await expect(menuButton).toBeFocused();
  await expect(row).toBeVisible();

  await page.keyboard.press("Enter");
  await page.keyboard.press("End");
  await expect(page.getByRole("menuitem", { name: "Delete this key" })).toBeFocused();
  await page.keyboard.press("Enter");
  await tabTo(page, confirm.getByRole("button", { name: "Delete", exact: true }), 5);
  await page.keyboard.press("Enter");
  await expect(row).toHaveCount(0);
  await expect(section(page).getByRole("heading", { name: "API access keys" })).toBeFocused();
  expect(await db.apiKey.count({ where: { accountId: account.id } })).toBe(0);
});

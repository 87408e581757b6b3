// Expiry, access, roll and edit on Account Settings (the rules themselves are tested in tests/api-key-settings.test.ts).
import type { Page } from "@playwright/test";
import { apiAs } from "./support/api";
import { createAccount, createKey, expect, signIn, test } from "./support/fixtures";

const settings = (slug: string) => `/${slug}/settings/account`;
const section = (page: Page) => page.getByRole("region", { name: "API access keys" });

test("generate a read-only key expiring in 30 days; an expired key shows as Expired and is refused", async ({ page, db, request }) => {
  const account = await createAccount(db);
  const old = await createKey(db, account, 0, "Old export");
  await db.apiKey.update({ where: { id: old.key.id }, data: { expiresAt: new Date("2026-01-02T03:04:05Z") } });
  await signIn(page, account.emails[0]);
  await page.goto(settings(account.slug));
  await expect(section(page).getByRole("row", { name: /Old export/ }).getByRole("cell").nth(4)).toHaveText(/^Expired\s*on 02 Jan 2026/);
  expect((await apiAs(request, old.plaintext).get("/v4/sources")).status()).toBe(401);

  await page.getByRole("button", { name: "Generate a Key" }).click();
  const configure = page.getByRole("dialog", { name: "Configure Your API Access Key" });
  await expect(configure.getByLabel("Expiration")).toHaveValue("never");
  await configure.getByLabel("Key Description").fill("Reporting");
  await configure.getByLabel("Expiration").selectOption("30");
  await configure.getByLabel("Read-only").check();
  await configure.getByRole("button", { name: "Save and Generate Key" }).click();
  const reveal = page.getByRole("dialog", { name: "Your new API access key" });
  const key = await reveal.getByLabel("API access key").inputValue();
  await reveal.getByRole("button", { name: "Close and Continue" }).click();
  const row = section(page).getByRole("row", { name: /Reporting/ });
  await expect(row.getByRole("cell").nth(4)).toContainText("Expires");
  await expect(row.getByRole("cell").nth(5)).toHaveText("Read-only");
  const api = apiAs(request, key);
  expect((await api.get("/v4/sources")).status()).toBe(200);
  expect((await api.put("/v4/sources/1", { display_name: "x" })).status()).toBe(403);
});

test("roll a key with a 1 hour overlap: the new key is shown once and both keys work", async ({ page, db, request }) => {
  const account = await createAccount(db);
  const old = await createKey(db, account, 0, "Nightly sync");
  await signIn(page, account.emails[0]);
  await page.goto(settings(account.slug));
  await page.getByRole("button", { name: `Actions for key ending ${old.key.last4}` }).click();
  await page.getByRole("menuitem", { name: "Roll this key" }).click();
  const dialog = page.getByRole("dialog", { name: "Roll this key" });
  await dialog.getByLabel("In 1 hour").check();
  await dialog.getByRole("button", { name: "Roll Key" }).click();
  const reveal = page.getByRole("dialog", { name: "Your new API access key" });
  const fresh = await reveal.getByLabel("API access key").inputValue();
  expect(fresh).not.toBe(old.plaintext);
  await reveal.getByRole("button", { name: "Close and Continue" }).click();
  await expect(section(page).getByRole("row", { name: /Nightly sync/ })).toHaveCount(2);
  await expect(section(page).getByRole("row", { name: new RegExp(`^${old.key.last4}`) }).getByRole("cell").nth(4)).toContainText("Expires");
  expect((await apiAs(request, old.plaintext).get("/v4/sources")).status()).toBe(200);
  expect((await apiAs(request, fresh).get("/v4/sources")).status()).toBe(200);

  // Rolled again with no overlap: from then on only the newest key works.
  await page.getByRole("button", { name: `Actions for key ending ${fresh.slice(-4)}` }).click();
  await page.getByRole("menuitem", { name: "Roll this key" }).click();
  await dialog.getByLabel("Now (the old key stops at once)").check();
  await dialog.getByRole("button", { name: "Roll Key" }).click();
  const newest = await reveal.getByLabel("API access key").inputValue();
  await reveal.getByRole("button", { name: "Close and Continue" }).click();
  expect((await apiAs(request, fresh).get("/v4/sources")).status()).toBe(401);
  expect((await apiAs(request, newest).get("/v4/sources")).status()).toBe(200);
});

test("edit a key: description, access and allow-list; with 10 keys Roll says why it is unavailable; the allow-list refuses another address", async ({ page, db, request }) => {
  const account = await createAccount(db);
  const { key, plaintext } = await createKey(db, account, 0, "Before edit");
  for (let i = 1; i < 10; i++) await createKey(db, account, 0, `filler ${i}`);
  await signIn(page, account.emails[0]);
  await page.goto(settings(account.slug));
  await page.getByRole("button", { name: `Actions for key ending ${key.last4}` }).click();
  await expect(page.getByRole("menuitem", { name: /Roll this key/ })).toHaveAttribute("aria-disabled", "true");
  await expect(page.getByRole("menuitem", { name: /Roll this key/ })).toContainText("No free slot");
  await page.getByRole("menuitem", { name: "Edit this key" }).click();
  const dialog = page.getByRole("dialog", { name: "Edit this key" });
  await dialog.getByLabel("Key Description").fill("After edit");
  await dialog.getByLabel("Read-only").check();
  await dialog.getByLabel("Allowed IP addresses (optional)").fill("not-an-address");
  await dialog.getByRole("button", { name: "Save Changes" }).click();
  await expect(dialog.getByText(/is not an IPv4 or IPv6 address/)).toBeVisible();
  await dialog.getByLabel("Allowed IP addresses (optional)").fill("203.0.113.0/24");
  await dialog.getByRole("button", { name: "Save Changes" }).click();
  await expect(dialog).toBeHidden();
  const row = section(page).getByRole("row", { name: /After edit/ });
  await expect(row.getByRole("cell").nth(5)).toHaveText("Read-onlyOnly from 203.0.113.0/24");

  // The client address is the hop the trusted proxy appended to X-Forwarded-For (TRUSTED_PROXIES=1).
  expect((await apiAs(request, plaintext, "203.0.113.9").get("/v4/sources")).status()).toBe(200);
  expect((await apiAs(request, plaintext, "198.51.100.7").get("/v4/sources")).status()).toBe(401);
  await page.goto(`/${account.slug}/settings/activity`);
  await expect(page.getByText(/refused a request from 198\.51\.100\.7/)).toBeVisible();
});

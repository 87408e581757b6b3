// Hostile key descriptions are refused at the field or stored and shown as inert text; server actions
// refuse cross-origin and over-large requests.
import type { Page } from "@playwright/test";
import { expect, test, createAccount, signIn, type TestAccount } from "./support/fixtures";

const section = (page: Page) => page.getByRole("region", { name: "API access keys" });

async function openKeysPage(page: Page, account: TestAccount) {
  const dialogs: string[] = [];
  page.on("dialog", (d) => { dialogs.push(d.message()); void d.dismiss(); });
  await signIn(page, account.emails[0]);
  await page.goto(`/${account.slug}/settings/account`);
  return dialogs;
}

async function submitDescription(page: Page, description: string) {
  await page.getByRole("button", { name: "Generate a Key" }).click();
  const configure = page.getByRole("dialog", { name: "Configure Your API Access Key" });
  // Set the value directly: the field's maxLength must not be what stops long input.
  await configure.getByLabel("Key Description").evaluate((el, v) => { (el as HTMLInputElement).value = v; }, description);
  await configure.getByRole("button", { name: "Save and Generate Key" }).click();
  return configure;
}

const STORED_LITERALLY = [
  `<script>alert("xss")</script>`,
  `<img src=x onerror="alert(1)">`,
  "zero\u200Bwidth\u200Djoiner\uFEFFinside",
  "emoji 🔑🚀👩‍💻 keys",
  `"'><svg/onload=alert(2)>`,
];

for (const description of STORED_LITERALLY) {
  test(`stored and shown as text, inert: ${JSON.stringify(description)}`, async ({ page, db }) => {
    const account = await createAccount(db);
    const dialogs = await openKeysPage(page, account);
    await submitDescription(page, description);
    await page.getByRole("dialog", { name: "Your new API access key" }).getByRole("button", { name: "Close and Continue" }).click();
    const cell = section(page).getByRole("row").nth(1).getByRole("cell").nth(1);
    await expect(cell).toHaveText(description);
    await page.reload();
    await expect(cell).toHaveText(description);
    // No markup made of the description (the row's usage chart is the section's only svg, drawn by us).
    expect(await cell.locator("script, img, svg").count()).toBe(0);
    expect(await section(page).locator("script, img").count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect((await db.apiKey.findFirstOrThrow({ where: { accountId: account.id } })).description).toBe(description);
  });
}

const REFUSED: [string, string, string][] = [
  ["right-to-left override", "invoice\u202Egnp.exe", "Remove control characters (such as line breaks or tabs)."],
  ["null byte", "before\u0000after", "Remove control characters (such as line breaks or tabs)."],
  ["10 000 characters", "A".repeat(10_000), "Use at most 100 characters."],
];

for (const [name, description, message] of REFUSED) {
  test(`refused at the field: ${name}`, async ({ page, db }) => {
    const account = await createAccount(db);
    const dialogs = await openKeysPage(page, account);
    const configure = await submitDescription(page, description);
    await expect(configure.getByText(message)).toBeVisible();
    await expect(configure.getByLabel("Key Description")).toHaveAttribute("aria-invalid", "true");
    expect(await db.apiKey.count({ where: { accountId: account.id } })).toBe(0);
    expect(dialogs).toEqual([]);
  });
}

test("the generate action refuses a cross-origin POST and an over-large body; a same-origin replay works", async ({ page, db }) => {
  const account = await createAccount(db);
  await openKeysPage(page, account);
  const captured = page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
  await submitDescription(page, "replay-marker");
  const request = await captured;
  await expect(page.getByRole("dialog", { name: "Your new API access key" })).toBeVisible();
  const count = () => db.apiKey.count({ where: { accountId: account.id } });
  expect(await count()).toBe(1);

  const headers = { "next-action": request.headers()["next-action"], "content-type": request.headers()["content-type"], accept: "text/x-component" };
  const body = request.postData()!;
  const url = `/${account.slug}/settings/account`;
  // Control: the same request from our own origin creates a key, so the refusals below are real.
  const same = await page.request.post(url, { headers: { ...headers, origin: new URL(page.url()).origin }, data: body });
  expect(same.status()).toBe(200);
  expect(await count()).toBe(2);

  const evil = await page.request.post(url, { headers: { ...headers, origin: "https://evil.example" }, data: body });
  expect(evil.status()).toBeGreaterThanOrEqual(400);
  expect(await count()).toBe(2);

  // Next's default serverActions.bodySizeLimit is 1 MB (next.config.mjs does not change it).
  const huge = body.replace("replay-marker", "x".repeat(2 * 1024 * 1024));
  const large = await page.request.post(url, { headers: { ...headers, origin: new URL(page.url()).origin }, data: huge });
  expect(large.status()).toBeGreaterThanOrEqual(400);
  expect(await count()).toBe(2);
});

import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test, createAccount, createKey, signIn } from "./support/fixtures";

async function expectNoViolations(page: Page, what: string) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), `axe on ${what}`).toEqual([]);
}

// Requests made with a key show up (after the per-instance flush, every second under test) as the row's chart and
// its text alternative, and on the key's detail view with the last address and user agent.
test.describe.configure({ timeout: 60_000 });

test("the usage chart and its text alternative show a key's requests, and the detail view where it was last used from", async ({ page, db, request }) => {
  const account = await createAccount(db);
  const { key, plaintext } = await createKey(db, account, 0, "usage chart");
  for (let i = 0; i < 3; i++) {
    const response = await request.get("/v4/sources", {
      headers: { Authorization: `Bearer ${plaintext}`, "User-Agent": "usage-e2e/1.0", "X-Forwarded-For": "203.0.113.50" },
    });
    expect(response.status()).toBe(200);
  }
  await signIn(page, account.emails[0]);
  const chart = page.getByRole("img", { name: `Requests per day of the key ending ${key.last4}: 3 requests in the last 30 days; 3 requests today (UTC)`, exact: false });
  await expect(async () => {
    await page.goto(`/${account.slug}/settings/account`);
    await expect(chart).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await expectNoViolations(page, "the keys table with usage");
  const row = page.getByRole("row", { name: /usage chart/ });
  await expect(row.locator("svg")).toHaveCount(1);
  await row.getByRole("link", { name: `Usage and last use of the key ending ${key.last4}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Key ending ${key.last4}` })).toBeVisible();
  await expect(page.getByRole("img", { name: /Chart: requests per day over the last 30 days\. 3 requests in the last 30 days/ })).toBeVisible();
  const today = new Date().toISOString().slice(0, 10);
  await expect(page.getByRole("row", { name: `${today} 3` })).toBeVisible();
  await expect(page.getByText("203.0.113.50")).toBeVisible();
  await expect(page.getByText("usage-e2e/1.0")).toBeVisible();
  await expectNoViolations(page, "the key's detail view");
});

// The leak-report route is wired and open to the scanner (no key), and refuses what it cannot verify.
test("POST /v4/key-leaks refuses an unsigned report and a badly signed one, in the one error shape", async ({ request }) => {
  const body = JSON.stringify([{ token: "bobbin_x", type: "bobbin_api_key", url: "https://example.test", source: "content" }]);
  const unsigned = await request.post("/v4/key-leaks", { headers: { "Content-Type": "application/json" }, data: body });
  expect(unsigned.status()).toBe(401);
  expect((await unsigned.json()).error.type).toBe("Unauthorized");
  const forged = await request.post("/v4/key-leaks", {
    headers: { "Content-Type": "application/json", "Github-Public-Key-Identifier": "abc", "Github-Public-Key-Signature": "MEUCIQDfLvT8" },
    data: body,
  });
  expect(forged.status()).toBe(403);
  expect(Object.keys(await forged.json())).toEqual(["error"]);
});

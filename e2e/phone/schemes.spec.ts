// axe with zero violations (contrast included, and touch target size) on the main pages in the light and the dark
// scheme, on a phone and, in the dark, on a desktop (where tables are tables); the scheme needs no script (no flash).
import type { Page } from "@playwright/test";
import { expect, test, createAccount, createKey, signIn, type TestAccount } from "../support/fixtures";
import { apiAs } from "../support/api";
import { discoveredSource } from "../support/source-servers";
import { expectNoViolations } from "./layout";

test.describe.configure({ timeout: 120_000 });

// An account with two members, an enabled key used minutes ago and a disabled one; with a discovered source if given a database.
async function seed(db: Parameters<typeof createKey>[0], request: Parameters<typeof apiAs>[0], sourceDatabase?: string) {
  const account = await createAccount(db, { members: 2 });
  const { plaintext, key } = await createKey(db, account, 0, "Nightly loader");
  const other = await createKey(db, account, 1, "Disabled one");
  await db.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: new Date(Date.now() - 3 * 60_000) } });
  await db.apiKey.update({ where: { id: other.key.id }, data: { status: "disabled" } });
  const sourceId = sourceDatabase ? await discoveredSource(apiAs(request, plaintext), sourceDatabase) : 0;
  return { account, sourceId, last4: key.last4, keyId: key.id };
}

const PAGES = ["/settings/account", "/settings/team", "/settings/activity", "/settings/destination", "/sources", "/sources/:id"];
// Light on a desktop is e2e/accessibility.spec.ts's; light on a phone adds the cards (their labels' colour) and the
// collapsed top bar and tabs.
const SCANS = {
  light: { phone: ["/settings/account", "/settings/team"], desktop: [] },
  dark: { phone: PAGES, desktop: ["/settings/account", "/settings/team", "/sources", "/sources/:id"] },
} as const;

async function scanPages(page: Page, account: TestAccount, sourceId: number, paths: readonly string[], what: string) {
  for (const path of paths) {
    await page.goto(`/${account.slug}${path.replace(":id", String(sourceId))}`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoViolations(page, `${path} (${what})`);
  }
}

for (const scheme of ["light", "dark"] as const) {
  test(`the ${scheme} scheme on a phone${scheme === "dark" ? " and a desktop" : ""}: pages, the reveal dialog and a key's menu`, async ({ page, request, db, sourceDatabase }) => {
    await page.emulateMedia({ colorScheme: scheme });
    // The source's page only in the dark: in the light it is accessibility.spec.ts's, and discovery takes seconds.
    const { account, sourceId, last4, keyId } = await seed(db, request, scheme === "dark" ? sourceDatabase : undefined);
    await page.goto("/login");
    await expectNoViolations(page, `/login (${scheme})`);
    await signIn(page, account.emails[0]);
    await scanPages(page, account, sourceId, SCANS[scheme].phone, `${scheme}, phone`);

    await page.goto(`/${account.slug}/settings/account`);
    await page.getByRole("button", { name: "Generate a Key" }).tap();
    await page.getByLabel("Key Description").fill(`axe ${scheme}`);
    await page.getByRole("button", { name: "Save and Generate Key" }).tap();
    await expect(page.getByRole("dialog", { name: "Your new API access key" })).toBeVisible();
    await expectNoViolations(page, `the reveal dialog (${scheme})`);
    await page.getByRole("button", { name: "Close and Continue" }).tap();
    await page.getByRole("button", { name: `Actions for key ending ${last4}` }).tap();
    await expect(page.getByRole("menu")).toBeVisible();
    await expectNoViolations(page, `a key's menu (${scheme})`);
    await page.getByRole("menuitem", { name: "Edit this key" }).tap();
    await expect(page.getByRole("dialog", { name: "Edit this key" })).toBeVisible();
    await expectNoViolations(page, `the edit dialog (${scheme})`);
    await page.goto(`/${account.slug}/settings/account/keys/${keyId}`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoViolations(page, `a key's usage page (${scheme})`);

    // The same pages as tables, on a desktop-wide viewport.
    await page.setViewportSize({ width: 1280, height: 900 });
    await scanPages(page, account, sourceId, SCANS[scheme].desktop, `${scheme}, desktop`);
  });
}

test("the dark scheme comes from CSS alone: without JavaScript the first render is already dark", async ({ browser }) => {
  const background = async (colorScheme: "light" | "dark") => {
    const context = await browser.newContext({ javaScriptEnabled: false, colorScheme });
    const page = await context.newPage();
    await page.goto("/login");
    const color = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await context.close();
    return color;
  };
  const [light, dark] = await Promise.all([background("light"), background("dark")]);
  // Light: slate-50; dark: slate-950.
  expect(light).not.toBe(dark);
  // Lightness from 0 to 1, however Chromium serializes the colour (lab, oklch or rgb).
  const lightness = (color: string) => {
    const [, space, first] = /^(\w+)\(([\d.]+)/.exec(color) ?? [];
    return Number(first) / ({ lab: 100, oklch: 1, rgb: 255 }[space] ?? NaN);
  };
  expect(lightness(light), light).toBeGreaterThan(0.9);
  expect(lightness(dark), dark).toBeLessThan(0.3);
});

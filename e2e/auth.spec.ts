import { createAccount, expect, PASSWORD, signIn, test } from "./support/fixtures";

const DEMO = "bobbin-demo";

test("signs in with the demo account and reaches Account Settings through the user menu", async ({ page }) => {
  await signIn(page, "alice@example.com", DEMO);
  await page.getByRole("button", { name: /User menu/ }).click();
  await page.getByRole("menuitem", { name: "Edit User Settings" }).click();
  await expect(page).toHaveURL(/\/settings\/account/);
  await expect(page.getByRole("link", { name: "Account Settings" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("heading", { name: "Acme Data" })).toBeVisible();
});

test("a wrong password and an unknown email get the same message", async ({ page }) => {
  for (const [email, password] of [["alice@example.com", "wrong-password"], ["nobody@example.com", DEMO]]) {
    await page.goto("/login");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("main").getByRole("alert")).toHaveText("Incorrect email or password.");
    await expect(page).toHaveURL(/\/login/);
  }
});

test("five wrong passwords lock the email out, even for the right one; an unknown email reads the same", async ({ page, db }) => {
  test.slow(); // eleven sign-ins, each a deliberate 32 MiB scrypt
  const account = await createAccount(db);
  const unknown = `nobody-${account.slug}@example.test`;
  const attempt = async (email: string, password: string) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    return page.locator("main").getByRole("alert");
  };
  for (const email of [account.emails[0], unknown]) {
    for (let i = 0; i < 5; i++) await expect(await attempt(email, `wrong-${i}`)).toHaveText("Incorrect email or password.");
    await expect(await attempt(email, PASSWORD)).toHaveText(/^Too many failed sign-ins\. Try again in 15 minutes\.$/);
    await expect(page).toHaveURL(/\/login/);
  }
});

test("a callbackUrl that normalizes to another host brings the user to their account, not away", async ({ page }) => {
  for (const callback of ["/.//evil.example", "/a/..//evil.example", "/%5Cevil.example"]) {
    await page.context().clearCookies();
    await page.goto(`/login?callbackUrl=${encodeURIComponent(callback)}`);
    await page.getByLabel("Email").fill("bob@example.com");
    await page.getByLabel("Password").fill(DEMO);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/acme-data\/settings\/account$/);
  }
});

test("a protected page redirects to sign-in and comes back after it", async ({ page }) => {
  await page.goto("/acme-data/settings/profile");
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
  await page.getByLabel("Email").fill("bob@example.com");
  await page.getByLabel("Password").fill(DEMO);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/acme-data\/settings\/profile$/);
  await expect(page.getByText("bob@example.com").first()).toBeVisible();
});

test("signing out ends the session", async ({ page }) => {
  await signIn(page, "carol@example.com", DEMO);
  await page.getByRole("button", { name: /User menu/ }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/settings/account");
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
});

test("a member of Globex gets a 404 on Acme's settings", async ({ page }) => {
  await signIn(page, "dave@example.com", DEMO);
  const response = await page.goto("/acme-data/settings/account");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(page.getByText("Acme Data")).toHaveCount(0);
});

test("a member of several accounts can switch between them", async ({ page, db }) => {
  const dave = await db.user.findUniqueOrThrow({ where: { email: "dave@example.com" } });
  const other = await db.account.create({ data: { slug: `second-${Date.now()}`, name: "Zeta Second" } });
  await db.membership.create({ data: { accountId: other.id, userId: dave.id } });
  await signIn(page, "dave@example.com", DEMO);
  await page.goto("/globex/settings/account");
  await page.getByRole("button", { name: /Switch account/ }).click();
  await page.getByRole("menuitem", { name: "Zeta Second" }).click();
  await expect(page.getByRole("heading", { name: "Zeta Second" })).toBeVisible();
  await db.membership.deleteMany({ where: { accountId: other.id } });
  // Removed from the account: the next request loses it even though the JWT is still valid.
  const response = await page.goto(`/${other.slug}/settings/account`);
  expect(response?.status()).toBe(404);
  await db.account.delete({ where: { id: other.id } });
});

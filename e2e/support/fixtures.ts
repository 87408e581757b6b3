// Playwright fixtures: each spec seeds its own account in the e2e database and signs in through the form.
import { test as base, expect, type Page } from "@playwright/test";
import { createDb, type Db } from "../../lib/db-client";
import { createTestAccount, TEST_PASSWORD, type TestAccount } from "../../tests/helpers/accounts";
import { readFileSync } from "node:fs";
import { createApiKey } from "../../lib/api-keys/service";
import { dropSourceDatabase, makeSourceDatabase } from "../../tests/helpers/source-database";
import { E2E_SECRETS_FILE, e2eDatabaseUrl } from "./env";

export const PASSWORD = TEST_PASSWORD;
export const createAccount = createTestAccount;
export type { TestAccount };

// The HMAC pepper the e2e server runs with.
export function e2ePepper(): string {
  return JSON.parse(readFileSync(E2E_SECRETS_FILE, "utf8")).API_KEY_HMAC_SECRET;
}

// A key made through the domain (as the UI would), returning its plaintext.
export async function createKey(db: Db, account: TestAccount, memberIndex = 0, description = "fixture key") {
  const user = await db.user.findUniqueOrThrow({ where: { email: account.emails[memberIndex] } });
  const result = await createApiKey(db, { workspaceId: account.id, userId: user.id }, description, e2ePepper());
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

export async function signIn(page: Page, email: string, password = PASSWORD, path = "/login") {
  await page.goto(path);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // Sign-in hashes a password and renders a dynamic page: allow for a loaded machine.
  await expect(page).not.toHaveURL(/\/login/, { timeout: 15_000 });
}

// db: the e2e server's database. sourceDatabase: a real PostgreSQL database to discover (one per worker, made on first use).
export const test = base.extend<{ db: Db }, { sourceDatabase: string }>({
  db: async ({}, provide) => {
    const db = createDb(e2eDatabaseUrl());
    await provide(db);
    await db.$disconnect();
  },
  sourceDatabase: [
    async ({}, provide) => {
      const name = await makeSourceDatabase();
      await provide(name);
      await dropSourceDatabase(name);
    },
    { scope: "worker" },
  ],
});

export { expect };

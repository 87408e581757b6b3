import { existsSync, readFileSync } from "node:fs";
import { expect, test, createAccount, signIn } from "./support/fixtures";
import { E2E_SERVER_LOG, e2eDatabaseUrl } from "./support/env";

// Keys generated through the UI leave no plaintext in the database files or the server log.
test("plaintext keys are never stored or logged", async ({ page, db }) => {
  const account = await createAccount(db);
  await signIn(page, account.emails[0]);
  await page.goto(`/${account.slug}/settings/account`);
  const keys: string[] = [];
  for (const description of ["first secret", "second secret"]) {
    await page.getByRole("button", { name: "Generate a Key" }).click();
    await page.getByLabel("Key Description").fill(description);
    await page.getByRole("button", { name: "Save and Generate Key" }).click();
    keys.push(await page.getByRole("textbox", { name: "API access key", exact: true }).inputValue());
    await page.getByRole("button", { name: "Close and Continue" }).click();
  }
  expect(keys.every((k) => k.startsWith("bobbin_"))).toBe(true);

  const rows = await db.apiKey.findMany({ where: { accountId: account.id } });
  expect(rows).toHaveLength(2);
  const haystacks = [JSON.stringify(rows), readFileSync(E2E_SERVER_LOG, "latin1")];
  const url = e2eDatabaseUrl();
  if (url.startsWith("file:")) {
    for (const suffix of ["", "-wal", "-journal"]) {
      const file = url.slice(5) + suffix;
      if (existsSync(file)) haystacks.push(readFileSync(file, "latin1"));
    }
  }
  for (const key of keys) {
    // The whole key, and its random body alone (in case of a different encoding of the prefix).
    for (const needle of [key, key.slice(7, 40)]) {
      expect(haystacks.filter((h) => h.includes(needle))).toHaveLength(0);
    }
  }
});

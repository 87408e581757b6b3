// Account slugs are the first segment of every console URL: none may name a top-level route of the app.
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { accountSlugProblem, assertAccountSlug, RESERVED_ACCOUNT_SLUGS } from "../lib/account-slugs";
import { DEMO_ACCOUNTS } from "../prisma/seed";

describe("account slugs", () => {
  it("reserve every top-level segment of app/ (route groups and dynamic segments aside)", () => {
    // A route group's folders are top-level segments too: (app)/settings is /settings, (auth)/login is /login.
    const segmentsIn = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true })
        .filter((e) => e.isDirectory() && !e.name.startsWith("[") && !e.name.startsWith("_"))
        .flatMap((e) => (e.name.startsWith("(") ? segmentsIn(`${dir}/${e.name}`) : [e.name]));
    const segments = segmentsIn("app");
    expect(segments).toEqual(expect.arrayContaining(["login", "settings", "sources", "v4"]));
    for (const segment of segments) expect(RESERVED_ACCOUNT_SLUGS, segment).toContain(segment);
  });

  it("refuse reserved and malformed slugs, with the reason, and accept ordinary ones", () => {
    for (const slug of ["login", "v4", "settings", "sources", "_next"]) expect(accountSlugProblem(slug)).toMatch(/reserved|not a valid/);
    for (const slug of ["", "Acme", "a b", "-acme", "acme-", "a/b", "x".repeat(49)]) expect(accountSlugProblem(slug)).toMatch(/not a valid/);
    for (const slug of ["acme-data", "globex", "a1", "x".repeat(48)]) expect(accountSlugProblem(slug)).toBeNull();
    expect(() => assertAccountSlug("docs")).toThrow(/reserved/);
  });

  it("hold for the demo accounts", () => {
    for (const account of DEMO_ACCOUNTS) expect(accountSlugProblem(account.slug)).toBeNull();
  });
});

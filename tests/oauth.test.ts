// OAuth sign-in counts only a provider-verified email and never takes over a password account.
import { describe, expect, it } from "vitest";
import { userForOAuth, verifiedOAuthEmail } from "@/lib/auth/oauth";
import { freshDb } from "./helpers/db";
import { seedAccount } from "./helpers/accounts";

// GitHub's /user/emails answer for a token (GitHub is outside our system; this is its documented shape).
const github = (emails: unknown) => async (url: string, init: { headers: Record<string, string> }) => {
  expect(url).toBe("https://api.github.com/user/emails");
  expect(init.headers.Authorization).toBe("Bearer tok");
  return { ok: true, json: async () => emails };
};

describe("OAuth sign-in", async () => {
  const { db } = await freshDb();

  it("needs an email the provider verified", async () => {
    expect(await verifiedOAuthEmail({ provider: "google", profile: { email: "A@x.test", email_verified: true } })).toBe("a@x.test");
    expect(await verifiedOAuthEmail({ provider: "google", profile: { email: "a@x.test", email_verified: false } })).toBeNull();
    expect(await verifiedOAuthEmail({ provider: "google", profile: { email: "a@x.test" } })).toBeNull();
    const gh = (emails: unknown) => verifiedOAuthEmail({ provider: "github", accessToken: "tok", profile: { email: "victim@x.test" } }, github(emails));
    expect(await gh([{ email: "victim@x.test", primary: true, verified: false }])).toBeNull();
    expect(await gh([{ email: "victim@x.test", primary: false, verified: true }, { email: "me@x.test", primary: true, verified: true }])).toBe("me@x.test");
    expect(await gh({ message: "Bad credentials" })).toBeNull();
    expect(await verifiedOAuthEmail({ provider: "github", profile: { email: "victim@x.test" } })).toBeNull();
  });

  it("never attaches to a password account; reuses a password-less user; creates a new one", async () => {
    const acct = await seedAccount(db);
    expect(await userForOAuth(db, acct.users[0].email.toUpperCase(), "X")).toEqual({ ok: false, reason: "password_account" });
    const fresh = await userForOAuth(db, "New.Person@x.test", "New");
    expect(fresh.ok).toBe(true);
    expect(await userForOAuth(db, "new.person@x.test", "New")).toEqual(fresh);
    const row = await db.user.findUniqueOrThrow({ where: { email: "new.person@x.test" } });
    expect(row.passwordHash).toBeNull();
    expect(await db.membership.count({ where: { userId: row.id } })).toBe(0);
  });
});

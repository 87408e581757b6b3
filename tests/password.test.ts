import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { checkCredentials } from "@/lib/auth/credentials";
import { freshDb } from "./helpers/db";

describe("passwords", () => {
  it("hashes with scrypt and a random salt, and verifies only the right password", async () => {
    const a = await hashPassword("correct horse");
    const b = await hashPassword("correct horse");
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword("correct horse", a)).toBe(true);
    expect(await verifyPassword("correct horsE", a)).toBe(false);
    expect(await verifyPassword("x", "not-a-hash")).toBe(false);
  });
});

describe("sign-in credentials", async () => {
  const { db } = await freshDb();
  await db.user.create({ data: { email: "pat@example.com", passwordHash: await hashPassword("s3cret-pass") } });

  it("accepts the right password, case-insensitively on the email", async () => {
    expect((await checkCredentials(db, " Pat@Example.com ", "s3cret-pass"))?.email).toBe("pat@example.com");
  });

  it("answers the same (null) for a wrong password and an unknown email", async () => {
    expect(await checkCredentials(db, "pat@example.com", "wrong")).toBeNull();
    expect(await checkCredentials(db, "nobody@example.com", "s3cret-pass")).toBeNull();
    expect(await checkCredentials(db, "", "")).toBeNull();
  });
});

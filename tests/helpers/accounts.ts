// Test accounts made straight in the database: unique names, so tests can share one database.
import { randomBytes } from "node:crypto";
import { hashPassword } from "../../lib/auth/password";
import type { Db } from "../../lib/db/factory";

export const TEST_PASSWORD = "test-password-1";
let passwordHash: Promise<string> | undefined;

export type TestAccount = { id: number; slug: string; name: string; emails: string[] };

// A new account with `members` users (the first is its owner), all with TEST_PASSWORD.
export async function createTestAccount(db: Db, opts: { members?: number; plan?: string; name?: string } = {}): Promise<TestAccount> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const tag = randomBytes(4).toString("hex");
  const name = opts.name ?? `Account ${tag}`;
  const account = await db.account.create({ data: { slug: `a-${tag}`, name, plan: opts.plan ?? "enterprise" } });
  const emails: string[] = [];
  for (let i = 0; i < (opts.members ?? 1); i++) {
    const email = `m${i}-${tag}@example.test`;
    const user = await db.user.create({ data: { email, name: `Member ${i} ${tag}`, passwordHash: await passwordHash } });
    await db.membership.create({ data: { accountId: account.id, userId: user.id, role: i === 0 ? "owner" : "member" } });
    emails.push(email);
  }
  return { id: account.id, slug: account.slug, name, emails };
}

export type Seeded = { accountId: number; slug: string; users: { id: string; email: string }[] };

// The same, returning user ids for domain tests (no password needed there).
export async function seedAccount(db: Db, opts: { members?: number; plan?: string } = {}): Promise<Seeded> {
  const account = await createTestAccount(db, opts);
  const users = await db.user.findMany({ where: { email: { in: account.emails } }, select: { id: true, email: true } });
  users.sort((a, b) => account.emails.indexOf(a.email) - account.emails.indexOf(b.email));
  return { accountId: account.id, slug: account.slug, users };
}

// Who made a test's changes, for the audit trail.
export const TEST_ACTOR = { actor: { type: "system" as const, label: "test" } };

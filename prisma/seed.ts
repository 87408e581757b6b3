// The local demo: three accounts and their members (password "bobbin-demo", a demo only).
import type { Db } from "../lib/db/factory";
import { assertAccountSlug } from "../lib/account-slugs";
import { hashPassword } from "../lib/auth/password";

export const DEMO_PASSWORD = "bobbin-demo";

export const DEMO_ACCOUNTS = [
  { slug: "acme-data", name: "Acme Data", plan: "enterprise", members: ["alice@example.com", "bob@example.com", "carol@example.com"] },
  { slug: "globex", name: "Globex", plan: "enterprise", members: ["dave@example.com"] },
  { slug: "initech", name: "Initech", plan: "standard", members: ["erin@example.com"] },
] as const;

function nameOf(email: string): string {
  const local = email.split("@")[0];
  return local[0].toUpperCase() + local.slice(1);
}

// The demo password is public, so demo accounts never exist where NODE_ENV=production.
export function assertDemoAllowed(env: NodeJS.ProcessEnv = process.env): void {
  if (env.NODE_ENV === "production") {
    throw new Error("Refusing to create the demo accounts with NODE_ENV=production: their password is public.");
  }
}

// Create the demo accounts; the first member of each is its owner.
export async function seedDemo(db: Db, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  assertDemoAllowed(env);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const demo of DEMO_ACCOUNTS) {
    const account = await db.account.create({ data: { slug: assertAccountSlug(demo.slug), name: demo.name, plan: demo.plan } });
    for (const [i, email] of demo.members.entries()) {
      const user = await db.user.upsert({ where: { email }, update: {}, create: { email, name: nameOf(email), passwordHash } });
      await db.membership.create({ data: { accountId: account.id, userId: user.id, role: i === 0 ? "owner" : "member" } });
    }
  }
}

// Seed only an empty database.
export async function seedDemoIfEmpty(db: Db, env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  assertDemoAllowed(env);
  if ((await db.user.count()) > 0 || (await db.account.count()) > 0) return false;
  await seedDemo(db, env);
  return true;
}

// The local demo: three accounts and their members (password "bobbin-demo", a demo only).
import type { Db } from "../lib/db/factory";
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

// Create the demo accounts; the first member of each is its owner.
export async function seedDemo(db: Db): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const demo of DEMO_ACCOUNTS) {
    const account = await db.account.create({ data: { slug: demo.slug, name: demo.name, plan: demo.plan } });
    for (const [i, email] of demo.members.entries()) {
      const user = await db.user.upsert({ where: { email }, update: {}, create: { email, name: nameOf(email), passwordHash } });
      await db.membership.create({ data: { accountId: account.id, userId: user.id, role: i === 0 ? "owner" : "member" } });
    }
  }
}

// Seed only an empty database.
export async function seedDemoIfEmpty(db: Db): Promise<boolean> {
  if ((await db.user.count()) > 0 || (await db.account.count()) > 0) return false;
  await seedDemo(db);
  return true;
}

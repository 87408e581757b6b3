// Accounts and members made directly in a test database.
import { randomBytes } from "node:crypto";
import type { Db } from "@/lib/db-client";

export type Seeded = { workspaceId: number; slug: string; users: { id: string; email: string }[] };

export async function seedAccount(db: Db, opts: { members?: number; plan?: string } = {}): Promise<Seeded> {
  const tag = randomBytes(4).toString("hex");
  const ws = await db.workspace.create({ data: { slug: `acct-${tag}`, name: `Account ${tag}`, plan: opts.plan ?? "enterprise" } });
  const users = [];
  for (let i = 0; i < (opts.members ?? 1); i++) {
    const user = await db.user.create({ data: { email: `u${i}-${tag}@example.test` } });
    await db.membership.create({ data: { workspaceId: ws.id, userId: user.id, role: i === 0 ? "owner" : "member" } });
    users.push({ id: user.id, email: user.email });
  }
  return { workspaceId: ws.id, slug: ws.slug, users };
}

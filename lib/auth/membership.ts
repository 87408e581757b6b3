// Who may act in which account: membership reads used by pages, actions and the API.
import "server-only";
import type { Db } from "../db/client";

export type Member = {
  userId: string;
  email: string;
  accountId: number;
  accountSlug: string;
  accountName: string;
  plan: string;
  role: string;
};

const include = { account: true, user: true } as const;

type Row = {
  role: string;
  userId: string;
  accountId: number;
  user: { email: string };
  account: { slug: string; name: string; plan: string };
};

function toMember(row: Row): Member {
  return {
    userId: row.userId,
    email: row.user.email,
    accountId: row.accountId,
    accountSlug: row.account.slug,
    accountName: row.account.name,
    plan: row.account.plan,
    role: row.role,
  };
}

// Every account the user belongs to, by name.
export async function listMemberships(db: Db, userId: string): Promise<Member[]> {
  const rows = await db.membership.findMany({ where: { userId }, include, orderBy: { account: { name: "asc" } } });
  return rows.map(toMember);
}

// The user's membership in one account, or null: the check behind every page, action and key.
export async function findMembership(db: Db, userId: string, accountId: number): Promise<Member | null> {
  const row = await db.membership.findUnique({ where: { accountId_userId: { accountId, userId } }, include });
  return row ? toMember(row) : null;
}

// Who may act in which account: membership reads used by pages, actions and the API.
import type { Db } from "./db";

export type Member = {
  userId: string;
  email: string;
  workspaceId: number;
  workspaceSlug: string;
  workspaceName: string;
  plan: string;
  role: string;
};

const include = { workspace: true, user: true } as const;

type Row = {
  role: string;
  userId: string;
  workspaceId: number;
  user: { email: string };
  workspace: { slug: string; name: string; plan: string };
};

function toMember(row: Row): Member {
  return {
    userId: row.userId,
    email: row.user.email,
    workspaceId: row.workspaceId,
    workspaceSlug: row.workspace.slug,
    workspaceName: row.workspace.name,
    plan: row.workspace.plan,
    role: row.role,
  };
}

// Every account the user belongs to, by name.
export async function listMemberships(db: Db, userId: string): Promise<Member[]> {
  const rows = await db.membership.findMany({ where: { userId }, include, orderBy: { workspace: { name: "asc" } } });
  return rows.map(toMember);
}

// The user's membership in one account, or null: the check behind every page, action and key.
export async function findMembership(db: Db, userId: string, workspaceId: number): Promise<Member | null> {
  const row = await db.membership.findUnique({ where: { workspaceId_userId: { workspaceId, userId } }, include });
  return row ? toMember(row) : null;
}

// The last owner cannot be lost to a race: two owners demoting (or removing) each other at the same
// moment leave one owner, on PostgreSQL as on SQLite.
import { describe, expect, it } from "vitest";
import { changeRole, listTeam, removeMember, type TeamActor } from "@/lib/team/members";
import { freshDb } from "./helpers/db";
import { seedAccount, type Seeded } from "./helpers/accounts";

describe("concurrent demotions", async () => {
  const { db } = await freshDb();

  async function twoOwners(): Promise<{ acct: Seeded; a: TeamActor; b: TeamActor }> {
    const acct = await seedAccount(db, { members: 2 });
    await db.membership.updateMany({ where: { workspaceId: acct.workspaceId }, data: { role: "owner" } });
    const actor = (i: number): TeamActor => ({ userId: acct.users[i].id, workspaceId: acct.workspaceId, email: acct.users[i].email, role: "owner" });
    return { acct, a: actor(0), b: actor(1) };
  }

  it("two owners demoting each other at once leave exactly one owner", async () => {
    for (let round = 0; round < 15; round++) {
      const { acct, a, b } = await twoOwners();
      const results = await Promise.all([changeRole(db, a, b.userId, "member"), changeRole(db, b, a.userId, "member")]);
      const owners = (await listTeam(db, acct.workspaceId)).filter((m) => m.role === "owner");
      expect(owners, `round ${round}`).toHaveLength(1);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, code: expect.stringMatching(/^(forbidden|last_owner)$/) });
    }
  });

  it("two owners removing each other at once leave exactly one owner", async () => {
    for (let round = 0; round < 15; round++) {
      const { acct, a, b } = await twoOwners();
      await Promise.all([removeMember(db, a, b.userId), removeMember(db, b, a.userId)]);
      const team = await listTeam(db, acct.workspaceId);
      expect(team.filter((m) => m.role === "owner"), `round ${round}`).toHaveLength(1);
    }
  });
});

// Pending invitations: listed, revocable, and gone with their inviter's ownership. Plus the public URL
// rules (links and HSTS never from the Host header) and no demo accounts in production.
import { describe, expect, it } from "vitest";
import { listEvents } from "@/lib/audit/events";
import { acceptInvitation, createInvitation, findInvitation } from "@/lib/team/invitations";
import { changeRole, removeMember, type TeamActor } from "@/lib/team/members";
import { listPendingInvitations, revokeInvitation } from "@/lib/team/pending-invitations";
import { publicLink, strictTransportSecurity } from "@/lib/security/public-url";
import { seedDemoIfEmpty } from "@/prisma/seed";
import { freshDb } from "./helpers/db";
import { seedAccount, type Seeded } from "./helpers/accounts";

describe("pending invitations", async () => {
  const { db } = await freshDb();
  const actorOf = (acct: Seeded, i: number, role = "owner"): TeamActor => ({ userId: acct.users[i].id, workspaceId: acct.workspaceId, email: acct.users[i].email, role });
  async function threeOwners() {
    const acct = await seedAccount(db, { members: 3 });
    await db.membership.updateMany({ where: { workspaceId: acct.workspaceId }, data: { role: "owner" } });
    return acct;
  }
  const invite = async (actor: TeamActor, email: string) => {
    const made = await createInvitation(db, actor, email, "member");
    if (!made.ok) throw new Error(made.message);
    return made.value.token;
  };
  const join = (token: string) => acceptInvitation(db, token, { name: "New", password: "a-long-password" });

  it("are listed for the account with their inviter, and revoking one stops its link", async () => {
    const acct = await threeOwners();
    const token = await invite(actorOf(acct, 0), "x1@new.test");
    await invite(actorOf(acct, 1), "x2@new.test");
    const other = await seedAccount(db);
    await invite(actorOf(other, 0), "elsewhere@new.test");
    const listed = await listPendingInvitations(db, acct.workspaceId);
    expect(listed.map((i) => [i.email, i.invitedBy])).toEqual([["x2@new.test", acct.users[1].email], ["x1@new.test", acct.users[0].email]]);

    const x1 = listed.find((i) => i.email === "x1@new.test")!;
    expect(await revokeInvitation(db, actorOf(acct, 2, "member"), x1.id)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await revokeInvitation(db, actorOf(other, 0), x1.id)).toMatchObject({ ok: false, code: "not_found" });
    expect(await revokeInvitation(db, actorOf(acct, 2), x1.id)).toEqual({ ok: true, value: { email: "x1@new.test" } });
    expect(await findInvitation(db, token)).toBeNull();
    expect(await join(token)).toMatchObject({ ok: false, code: "invalid_invitation" });
    expect((await listPendingInvitations(db, acct.workspaceId)).map((i) => i.email)).toEqual(["x2@new.test"]);
    expect((await listEvents(db, acct.workspaceId)).events[0]).toMatchObject({ action: "invitation.revoked", targetLabel: "x1@new.test as member", actorLabel: acct.users[2].email });
  });

  it("die when their inviter is removed or stops being an owner; others' stay", async () => {
    const acct = await threeOwners();
    const byRemoved = await invite(actorOf(acct, 1), "r@new.test");
    const byDemoted = await invite(actorOf(acct, 2), "d@new.test");
    const byStaying = await invite(actorOf(acct, 0), "s@new.test");
    expect((await removeMember(db, actorOf(acct, 0), acct.users[1].id)).ok).toBe(true);
    expect((await changeRole(db, actorOf(acct, 0), acct.users[2].id, "member")).ok).toBe(true);
    expect(await findInvitation(db, byRemoved)).toBeNull();
    expect(await findInvitation(db, byDemoted)).toBeNull();
    expect(await join(byRemoved)).toMatchObject({ ok: false, code: "invalid_invitation" });
    expect((await listPendingInvitations(db, acct.workspaceId)).map((i) => i.email)).toEqual(["s@new.test"]);
    expect((await join(byStaying)).ok).toBe(true);
    const actions = (await listEvents(db, acct.workspaceId)).events.map((e) => e.action);
    expect(actions.filter((a) => a === "invitation.expired_with_inviter")).toHaveLength(2);
  });

  it("a link whose inviter lost ownership some other way does not work either", async () => {
    const acct = await threeOwners();
    const token = await invite(actorOf(acct, 1), "o@new.test");
    await db.membership.updateMany({ where: { workspaceId: acct.workspaceId, userId: acct.users[1].id }, data: { role: "member" } });
    expect(await join(token)).toMatchObject({ ok: false, code: "invalid_invitation" });
    expect(await db.user.count({ where: { email: "o@new.test" } })).toBe(0);
  });
});

describe("the public URL and the demo", async () => {
  const { db } = await freshDb();

  it("links come from NEXTAUTH_URL only; HSTS when it is https", () => {
    expect(publicLink("/invite/t", { NODE_ENV: "production", NEXTAUTH_URL: "https://bobbin.example/" })).toEqual({ href: "https://bobbin.example/invite/t", absolute: true });
    expect(publicLink("/invite/t", { NODE_ENV: "production" })).toEqual({ href: "/invite/t", absolute: false });
    expect(strictTransportSecurity({ NODE_ENV: "production", NEXTAUTH_URL: "https://bobbin.example" })).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
    expect(strictTransportSecurity({ NODE_ENV: "production", NEXTAUTH_URL: "http://localhost:3000" })).toBeNull();
  });

  it("NODE_ENV=production never seeds the demo accounts", async () => {
    await expect(seedDemoIfEmpty(db, { NODE_ENV: "production" })).rejects.toThrow(/public/);
    expect(await db.user.count()).toBe(0);
  });
});

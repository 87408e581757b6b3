import { describe, expect, it } from "vitest";
import { createApiKey, listApiKeys, setApiKeyStatus } from "@/lib/api-keys/service";
import { prismaKeyStore, verifyApiKey } from "@/lib/api-keys/verify";
import { listEvents } from "@/lib/audit/events";
import { acceptInvitation, createInvitation, findInvitation, INVITATION_TTL_MS } from "@/lib/team/invitations";
import { changeRole, listTeam, removeMember, type TeamActor } from "@/lib/team/members";
import { checkCredentials } from "@/lib/auth/credentials";
import { hashPassword } from "@/lib/auth/password";
import { freshDb } from "./helpers/db";
import { seedAccount, type Seeded } from "./helpers/accounts";

const PEPPER = "team-test-pepper-0123456789-0123456789";
const META = { ip: "203.0.113.7", userAgent: "vitest" };

describe("team, invitations and the audit trail", async () => {
  const { db } = await freshDb();
  const actorOf = (acct: Seeded, i: number, role = i === 0 ? "owner" : "member"): TeamActor => ({
    userId: acct.users[i].id, workspaceId: acct.workspaceId, email: acct.users[i].email, role,
  });
  const actions = async (workspaceId: number) => (await listEvents(db, workspaceId)).events.map((e) => e.action);

  it("only owners change roles and remove members; the last owner can be neither demoted nor removed", async () => {
    const acct = await seedAccount(db, { members: 2 });
    const owner = actorOf(acct, 0);
    const member = actorOf(acct, 1);
    expect(await changeRole(db, member, acct.users[0].id, "member")).toMatchObject({ ok: false, code: "forbidden" });
    expect(await removeMember(db, member, acct.users[0].id)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await changeRole(db, owner, acct.users[0].id, "member")).toMatchObject({ ok: false, code: "last_owner" });
    expect(await removeMember(db, owner, acct.users[0].id)).toMatchObject({ ok: false, code: "last_owner" });
    expect((await listTeam(db, acct.workspaceId)).map((m) => m.role)).toEqual(["owner", "member"]);
    expect(await actions(acct.workspaceId)).toEqual([]);

    expect(await changeRole(db, owner, acct.users[1].id, "owner", META)).toEqual({ ok: true, value: { role: "owner" } });
    expect(await changeRole(db, owner, acct.users[0].id, "member", META)).toEqual({ ok: true, value: { role: "member" } });
    expect((await listTeam(db, acct.workspaceId)).map((m) => m.role)).toEqual(["member", "owner"]);
    expect(await actions(acct.workspaceId)).toEqual(["member.role_changed", "member.role_changed"]);
  });

  it("cannot reach members of another account", async () => {
    const mine = await seedAccount(db);
    const theirs = await seedAccount(db, { members: 2 });
    expect(await removeMember(db, actorOf(mine, 0), theirs.users[1].id)).toMatchObject({ ok: false, code: "not_found" });
    expect(await changeRole(db, actorOf(mine, 0), theirs.users[1].id, "owner")).toMatchObject({ ok: false, code: "not_found" });
    expect(await listTeam(db, theirs.workspaceId)).toHaveLength(2);
  });

  it("removing a member disables their keys at once (creator removed), records it, and they cannot be re-enabled", async () => {
    const acct = await seedAccount(db, { members: 2 });
    const created = await createApiKey(db, { workspaceId: acct.workspaceId, userId: acct.users[1].id }, "bob's job", PEPPER, META);
    if (!created.ok) throw new Error(created.message);
    const store = prismaKeyStore(db);
    expect(await verifyApiKey(store, created.value.plaintext, PEPPER)).not.toBeNull();
    expect(await removeMember(db, actorOf(acct, 0), acct.users[1].id, META)).toEqual({ ok: true, value: { disabledKeys: 1 } });
    expect(await verifyApiKey(store, created.value.plaintext, PEPPER)).toBeNull();
    expect((await listApiKeys(db, acct.workspaceId))[0]).toMatchObject({ status: "disabled", disabledReason: "creator_removed" });
    expect(await setApiKeyStatus(db, { workspaceId: acct.workspaceId, userId: acct.users[0].id }, created.value.key.id, "enabled"))
      .toMatchObject({ ok: false, code: "creator_not_member" });
    expect((await listApiKeys(db, acct.workspaceId))[0].status).toBe("disabled");
    const { events } = await listEvents(db, acct.workspaceId);
    expect(events.map((e) => e.action)).toEqual(["key.auto_disabled", "member.removed", "key.created"]);
    expect(events[1]).toMatchObject({ actorLabel: acct.users[0].email, targetLabel: acct.users[1].email, ip: "203.0.113.7", userAgent: "vitest" });
    expect(events[0].targetLabel).toContain(created.value.key.last4);
    expect(JSON.stringify(events)).not.toContain(created.value.plaintext);
  });

  it("an invitation works once, for its email, and not after 7 days", async () => {
    const acct = await seedAccount(db);
    const owner = actorOf(acct, 0);
    expect(await createInvitation(db, actorOf(acct, 0, "member"), "x@example.test", "member")).toMatchObject({ ok: false, code: "forbidden" });
    const now = new Date("2026-06-01T00:00:00Z");
    const inv = await createInvitation(db, owner, " New.Person@Example.test ", "member", META, now);
    if (!inv.ok) throw new Error(inv.message);
    expect(inv.value.email).toBe("new.person@example.test");
    const later = new Date(now.getTime() + INVITATION_TTL_MS + 1);
    expect(await findInvitation(db, inv.value.token, now)).toMatchObject({ email: "new.person@example.test", userExists: false });
    expect(await findInvitation(db, inv.value.token, later)).toBeNull();
    expect(await acceptInvitation(db, inv.value.token, { name: "N", password: "long-enough-pw" }, META, later)).toMatchObject({ ok: false, code: "invalid_invitation" });

    const joined = await acceptInvitation(db, inv.value.token, { name: "New Person", password: "long-enough-pw" }, META, now);
    expect(joined).toEqual({ ok: true, value: { workspaceId: acct.workspaceId, email: "new.person@example.test" } });
    expect(await checkCredentials(db, "new.person@example.test", "long-enough-pw")).not.toBeNull();
    expect(await acceptInvitation(db, inv.value.token, { name: "Again", password: "long-enough-pw" }, META, now)).toMatchObject({ ok: false, code: "invalid_invitation" });
    expect(await findInvitation(db, inv.value.token, now)).toBeNull();
    expect(await findInvitation(db, "not-a-token-at-all", now)).toBeNull();
    expect((await listTeam(db, acct.workspaceId)).map((m) => m.email)).toContain("new.person@example.test");
    expect(await actions(acct.workspaceId)).toEqual(["member.joined", "member.invited"]);
    expect(await createInvitation(db, owner, "new.person@example.test", "member")).toMatchObject({ ok: false, code: "already_member" });
  });

  it("an existing user joins with their own account only; a double click makes one membership", async () => {
    const acct = await seedAccount(db);
    const other = await seedAccount(db, { members: 2 });
    const inv = await createInvitation(db, actorOf(acct, 0), other.users[1].email, "owner");
    if (!inv.ok) throw new Error(inv.message);
    expect(await acceptInvitation(db, inv.value.token, { userId: other.users[0].id })).toMatchObject({ ok: false, code: "invalid_invitation" });
    const inv2 = await createInvitation(db, actorOf(acct, 0), other.users[1].email, "owner");
    if (!inv2.ok) throw new Error(inv2.message);
    const both = await Promise.all([
      acceptInvitation(db, inv2.value.token, { userId: other.users[1].id }),
      acceptInvitation(db, inv2.value.token, { userId: other.users[1].id }),
    ]);
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    expect((await listTeam(db, acct.workspaceId)).find((m) => m.email === other.users[1].email)?.role).toBe("owner");
  });

  it("records failed sign-ins in each account of that email, never the password", async () => {
    const a = await seedAccount(db);
    const b = await seedAccount(db);
    const user = await db.user.update({ where: { id: a.users[0].id }, data: { passwordHash: await hashPassword("right-password") } });
    await db.membership.create({ data: { workspaceId: b.workspaceId, userId: user.id } });
    expect(await checkCredentials(db, user.email, "wrong-password-123", META)).toBeNull();
    for (const ws of [a.workspaceId, b.workspaceId]) {
      const { events } = await listEvents(db, ws);
      expect(events[0]).toMatchObject({ action: "signin.failed", targetLabel: user.email, ip: META.ip });
      expect(JSON.stringify(events)).not.toContain("wrong-password-123");
    }
  });

  it("no change without its event: when the event cannot be written, the change is rolled back", async () => {
    const acct = await seedAccount(db, { members: 2 });
    const key = await createApiKey(db, { workspaceId: acct.workspaceId, userId: acct.users[0].id }, "k", PEPPER);
    if (!key.ok) throw new Error(key.message);
    const postgres = process.env.TEST_DATABASE === "postgres";
    // A real database fault: the audit table refuses inserts.
    if (postgres) {
      await db.$executeRawUnsafe(`CREATE FUNCTION audit_down() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'audit down'; END $$ LANGUAGE plpgsql`);
      await db.$executeRawUnsafe(`CREATE TRIGGER audit_down BEFORE INSERT ON "AuditEvent" FOR EACH ROW EXECUTE FUNCTION audit_down()`);
    } else {
      await db.$executeRawUnsafe(`CREATE TRIGGER audit_down BEFORE INSERT ON "AuditEvent" BEGIN SELECT RAISE(ABORT, 'audit down'); END`);
    }
    try {
      const actor = { workspaceId: acct.workspaceId, userId: acct.users[0].id };
      await expect(createApiKey(db, actor, "never", PEPPER)).rejects.toThrow();
      await expect(setApiKeyStatus(db, actor, key.value.key.id, "disabled")).rejects.toThrow();
      await expect(removeMember(db, actorOf(acct, 0), acct.users[1].id)).rejects.toThrow();
      expect((await listApiKeys(db, acct.workspaceId)).map((k) => [k.description, k.status])).toEqual([["k", "enabled"]]);
      expect((await db.workspace.findUniqueOrThrow({ where: { id: acct.workspaceId } })).apiKeyCount).toBe(1);
      expect(await listTeam(db, acct.workspaceId)).toHaveLength(2);
    } finally {
      await db.$executeRawUnsafe(postgres ? `DROP TRIGGER audit_down ON "AuditEvent"` : `DROP TRIGGER audit_down`);
      if (postgres) await db.$executeRawUnsafe(`DROP FUNCTION audit_down()`);
    }
    expect(await actions(acct.workspaceId)).toEqual(["key.created"]);
  });

  it("events are listed newest first, paginated, and only within their account", async () => {
    const a = await seedAccount(db, { members: 3 });
    const b = await seedAccount(db);
    for (let i = 0; i < 5; i++) await createApiKey(db, { workspaceId: a.workspaceId, userId: a.users[0].id }, `k${i}`, PEPPER);
    const page1 = await listEvents(db, a.workspaceId, 1, 3);
    const page2 = await listEvents(db, a.workspaceId, 2, 3);
    expect(page1.hasMore).toBe(true);
    expect(page2.hasMore).toBe(false);
    expect([...page1.events, ...page2.events].map((e) => e.targetLabel)).toEqual([4, 3, 2, 1, 0].map((i) => expect.stringContaining(`(“k${i}”)`)));
    expect((await listEvents(db, b.workspaceId)).events).toEqual([]);
  });
});

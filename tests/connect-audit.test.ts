// Source and destination changes are in the account's Activity: who (member, or key for its creator),
// what, and the names of the properties changed — never a value, secret or not.
import { afterAll, describe, expect, it } from "vitest";
import { createSecretBox } from "@/lib/crypto/secret-box";
import { keyActor, memberActor } from "@/lib/connect/audit";
import { checkSource, createSource, deleteSource, updateSource } from "@/lib/connect/sources";
import { createDestination, deleteDestination, updateDestination } from "@/lib/connect/destinations";
import { createApiKey } from "@/lib/api-keys/service";
import { listEvents } from "@/lib/audit/events";
import { freshDb } from "./helpers/db";
import { seedAccount } from "./helpers/accounts";

const SECRET = "audit-Pa55-never-logged";

describe("audit of sources and destinations", async () => {
  const { db } = await freshDb();
  const deps = { db, box: createSecretBox("a".repeat(40)) };
  // The sources' connection checks run in the background: let them end before the database closes.
  afterAll(async () => {
    for (let i = 0; i < 300 && (await db.connectionCheck.count({ where: { status: "running" } })) > 0; i++) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 200));
  }, 40_000);

  it("records create, update (property names only), pause, resume, check and delete, with the actor", async () => {
    const acct = await seedAccount(db);
    const member = memberActor({ userId: acct.users[0].id, email: acct.users[0].email });
    const by = { actor: member, meta: { ip: "198.51.100.7", userAgent: "test" } };
    const made = await createSource(deps, acct.workspaceId, { display_name: "Orders", type: "platform.postgres", properties: { host: "203.0.113.1", port: "5432", dbname: "d", user: "u", password: SECRET } }, by);
    if (!made.ok) throw new Error(made.message);
    const id = made.value.id;
    expect((await updateSource(deps, acct.workspaceId, id, { properties: { host: "203.0.113.2", password: `${SECRET}-2` } }, by)).ok).toBe(true);
    await updateSource(deps, acct.workspaceId, id, { paused_at: "2020-01-01T00:00:00Z" }, by);
    await updateSource(deps, acct.workspaceId, id, { paused_at: null }, by);
    await checkSource(deps, acct.workspaceId, id, by);
    await deleteSource(db, acct.workspaceId, id, by);

    const { events } = await listEvents(db, acct.workspaceId);
    const mine = events.filter((e) => e.targetType === "source").reverse();
    expect(mine.map((e) => e.action)).toEqual(["source.created", "source.updated", "source.paused", "source.resumed", "source.checked", "source.deleted"]);
    expect(mine[1].targetLabel).toBe(`orders (id ${id}): host, password changed`);
    for (const e of mine) expect(e).toMatchObject({ actorType: "member", actorLabel: acct.users[0].email, ip: "198.51.100.7" });
    expect(JSON.stringify(events)).not.toContain(SECRET);
    expect(JSON.stringify(events)).not.toContain("203.0.113.2");
  });

  it("an API key acts for its creator; destinations too", async () => {
    const acct = await seedAccount(db);
    const key = await createApiKey(db, { workspaceId: acct.workspaceId, userId: acct.users[0].id }, "audit", "p".repeat(40));
    if (!key.ok) throw new Error(key.message);
    const by = { actor: await keyActor(db, { keyId: key.value.key.id, workspaceId: acct.workspaceId, userId: acct.users[0].id }) };
    const dest = await createDestination(deps, acct.workspaceId, { type: "postgres", name: "Warehouse", properties: { host: "203.0.113.1", port: "5432", database: "d", username: "u", password: SECRET } }, by);
    if (!dest.ok) throw new Error(dest.message);
    await updateDestination(deps, acct.workspaceId, dest.value.id, { properties: { password: "rotated-pw" } }, by);
    await deleteDestination(db, acct.workspaceId, dest.value.id, by);
    const { events } = await listEvents(db, acct.workspaceId);
    const mine = events.filter((e) => e.targetType === "destination").reverse();
    expect(mine.map((e) => [e.action, e.targetLabel])).toEqual([
      ["destination.created", `Warehouse (id ${dest.value.id})`],
      ["destination.updated", `Warehouse (id ${dest.value.id}): password changed`],
      ["destination.deleted", `Warehouse (id ${dest.value.id})`],
    ]);
    for (const e of mine) expect(e).toMatchObject({ actorType: "key", actorLabel: `API key ending ${key.value.key.last4}` });
    const row = await db.auditEvent.findFirstOrThrow({ where: { workspaceId: acct.workspaceId, action: "destination.created" } });
    expect(row.actorUserId).toBe(acct.users[0].id);
    expect(JSON.stringify(events)).not.toContain(SECRET);
  });
});

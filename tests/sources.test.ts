// The sources domain: names by the original's rules, unique under concurrency; secrets sealed and never shown.
import { describe, expect, it } from "vitest";
import { createSecretBox } from "@/lib/crypto/secret-box";
import { baseName, candidateName } from "@/lib/connect/names";
import { createSource, getSource, listSources, updateSource } from "@/lib/connect/sources";
import { freshDb } from "./helpers/db";
import { seedAccount } from "./helpers/accounts";

const box = createSecretBox("test-data-key-0123456789-0123456789-abcdef");
const PASSWORD = "hunter2-but-longer";
const BY = { actor: { type: "system" as const, label: "test" } };
const form = { display_name: "Incomplete", type: "platform.postgres", properties: { host: "db" } };

describe("source names", () => {
  it("follow the original's rules", () => {
    expect(baseName("Orders DB")).toBe("orders_db");
    expect(baseName("  Café — Ventes (EU) ")).toBe("cafe_ventes_eu");
    expect(baseName("$pay_load$")).toBe("$pay_load$");
    expect(baseName("数据")).toBe("source");
    expect(baseName("x".repeat(80))).toHaveLength(49);
    expect(candidateName("x".repeat(49), 12)).toBe(`${"x".repeat(46)}_12`);
    for (const name of ["orders_db", candidateName(baseName("y".repeat(80)), 3)]) expect(name).toMatch(/^[a-z0-9_$]{1,49}$/);
  });
});

describe("sources", async () => {
  const { db } = await freshDb();
  const deps = { db, box };

  it("give the same display name unique names, also when created at once", async () => {
    const acct = await seedAccount(db);
    const created = await Promise.all(Array.from({ length: 6 }, () => createSource(deps, acct.accountId, form, BY)));
    const names = created.map((r) => (r.ok ? r.value.name : r.message)).sort();
    expect(names).toEqual(["incomplete", "incomplete_2", "incomplete_3", "incomplete_4", "incomplete_5", "incomplete_6"]);
  });

  it("seal credentials, never show them, and keep them through other updates", async () => {
    const acct = await seedAccount(db);
    const created = await createSource(deps, acct.accountId, { ...form, properties: { ...form.properties, password: PASSWORD } }, BY);
    if (!created.ok) throw new Error(created.message);
    expect(JSON.stringify(created.value)).not.toContain(PASSWORD);
    const row = await db.source.findUniqueOrThrow({ where: { id: created.value.id } });
    expect(JSON.stringify(row)).not.toContain(PASSWORD);
    const at = { table: "Source" as const, id: created.value.id, property: "password" };
    expect(box.open(JSON.parse(row.secrets).password, at)).toBe(PASSWORD);
    await updateSource(deps, acct.accountId, created.value.id, { properties: { filter_schemas: "public" } }, BY);
    const again = await db.source.findUniqueOrThrow({ where: { id: created.value.id } });
    expect(box.open(JSON.parse(again.secrets).password, at)).toBe(PASSWORD);
    const view = await getSource(db, acct.accountId, created.value.id);
    expect(view?.reportCard.steps[0].properties.find((p) => p.name === "password")?.provided).toBe(true);
  });

  it("are scoped by account", async () => {
    const [a, b] = [await seedAccount(db), await seedAccount(db)];
    const created = await createSource(deps, a.accountId, form, BY);
    if (!created.ok) throw new Error(created.message);
    expect(await getSource(db, b.accountId, created.value.id)).toBeNull();
    expect(await listSources(db, b.accountId)).toEqual([]);
    const update = await updateSource(deps, b.accountId, created.value.id, { display_name: "Taken" }, BY);
    expect(update).toMatchObject({ ok: false, code: "NotFound" });
    expect((await getSource(db, a.accountId, created.value.id))?.displayName).toBe("Incomplete");
  });

  it("refuse unknown types and properties, changing nothing", async () => {
    const acct = await seedAccount(db);
    expect(await createSource(deps, acct.accountId, { ...form, type: "platform.nope" }, BY)).toMatchObject({ ok: false, code: "InvalidProperties" });
    expect(await createSource(deps, acct.accountId, { ...form, properties: { port: "70000" } }, BY)).toMatchObject({ ok: false, fields: { "properties.port": expect.any(String) } });
    // The name becomes the destination schema: PostgreSQL's own schemas and the job queue's are refused.
    for (const display_name of ["Public", "information schema", "PG Catalog", "pg_toast", "PgBoss"]) {
      const refused = await createSource(deps, acct.accountId, { ...form, display_name }, BY);
      expect(refused).toMatchObject({ ok: false, code: "InvalidProperties", fields: { display_name: expect.stringMatching(/reserved/) } });
    }
    expect(await listSources(db, acct.accountId)).toEqual([]);
    expect(await createSource(deps, acct.accountId, { ...form, display_name: "Public data" }, BY)).toMatchObject({ ok: true, value: { name: "public_data" } });
  });
});

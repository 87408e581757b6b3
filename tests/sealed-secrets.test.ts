// Sealed secrets are bound to their row and property, name their key, and survive a key rotation;
// values sealed in the first format (no binding, no key id) still open and are re-sealed by the rotation.
import { createCipheriv, createHash, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createSecretBox, keyIdOf } from "@/lib/crypto/secret-box";
import { rotateSealedSecrets } from "@/lib/crypto/rotate";
import { checkSource, createSource } from "@/lib/connect/sources";
import { createDestination } from "@/lib/connect/destinations";
import { allProperties } from "@/lib/connect/properties";
import { freshDb } from "./helpers/db";
import { seedAccount } from "./helpers/accounts";

const BY = { actor: { type: "system" as const, label: "test" } };
const OLD = "old-key-".padEnd(40, "o");
const NEW = "new-key-".padEnd(40, "n");
const props = (password: string) => ({ host: "203.0.113.10", port: "5432", dbname: "d", user: "u", password });
const destinationProps = (password: string) => ({ host: "203.0.113.10", port: "5432", database: "d", username: "u", password });

// The first format, exactly as the original box sealed it: v1.iv.tag.body, no additional data.
function sealV1(secret: string, plain: string): string {
  const key = createHash("sha256").update(`bobbin:secret-box:${secret}`).digest();
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), body].map((p) => (typeof p === "string" ? p : p.toString("base64url"))).join(".");
}

describe("sealed secrets", async () => {
  const { db } = await freshDb();

  it("a sealed value moved to another row or property does not open, and the check refuses it", async () => {
    const deps = { db, box: createSecretBox(OLD) };
    const { accountId } = await seedAccount(db);
    const a = await createSource(deps, accountId, { display_name: "A", type: "platform.postgres", properties: props("pw-of-a") }, BY);
    const b = await createSource(deps, accountId, { display_name: "B", type: "platform.postgres", properties: props("pw-of-b") }, BY);
    if (!a.ok || !b.ok) throw new Error("create failed");
    const rowA = await db.source.findUniqueOrThrow({ where: { id: a.value.id } });
    expect(JSON.parse(rowA.secrets).password).toMatch(new RegExp(`^v2\\.${keyIdOf(OLD)}\\.`));
    expect(allProperties(rowA, deps.box, { table: "Source", id: a.value.id }).password).toBe("pw-of-a");
    // Someone with write access to the table copies A's sealed password onto B.
    await db.source.update({ where: { id: b.value.id }, data: { secrets: rowA.secrets } });
    const rowB = await db.source.findUniqueOrThrow({ where: { id: b.value.id } });
    expect(() => allProperties(rowB, deps.box, { table: "Source", id: b.value.id })).toThrow();
    expect(() => allProperties(rowA, deps.box, { table: "Destination", id: a.value.id })).toThrow();
    expect(await checkSource(deps, accountId, b.value.id, BY)).toMatchObject({ ok: false, fields: { "properties.password": expect.any(String) } });
  });

  it("rotation re-seals every value with the new key; the old key is then no longer needed", async () => {
    const old = { db, box: createSecretBox(OLD) };
    const { accountId } = await seedAccount(db);
    const src = await createSource(old, accountId, { display_name: "Rot", type: "platform.postgres", properties: props("rotate-me") }, BY);
    const dest = await createDestination(old, accountId, { type: "postgres", properties: destinationProps("dest-pw") }, BY);
    if (!src.ok || !dest.ok) throw new Error("create failed");
    // A value from before this change: the first format, not bound to its row.
    const legacy = await createSource(old, accountId, { display_name: "Legacy", type: "platform.postgres", properties: { host: "h" } }, BY);
    if (!legacy.ok) throw new Error(legacy.message);
    await db.source.update({ where: { id: legacy.value.id }, data: { secrets: JSON.stringify({ password: sealV1(OLD, "legacy-pw") }) } });
    const legacyRow = await db.source.findUniqueOrThrow({ where: { id: legacy.value.id } });
    expect(allProperties(legacyRow, old.box, { table: "Source", id: legacy.value.id }).password).toBe("legacy-pw");

    const rotating = createSecretBox(NEW, [OLD]);
    const report = await rotateSealedSecrets(db, rotating);
    expect(report.sources).toBeGreaterThanOrEqual(2);
    expect(report.destinations).toBeGreaterThanOrEqual(1);
    // Idempotent; the row that got another row's value (first test) is reported, not re-sealed.
    const again = await rotateSealedSecrets(db, rotating);
    expect(again).toMatchObject({ sources: 0, destinations: 0 });
    expect(again.unreadable).toEqual(report.unreadable);

    const onlyNew = createSecretBox(NEW);
    const open = async (table: "Source" | "Destination", id: number) => {
      const row = table === "Source" ? await db.source.findUniqueOrThrow({ where: { id } }) : await db.destination.findUniqueOrThrow({ where: { id } });
      expect(JSON.parse(row.secrets).password).toMatch(new RegExp(`^v2\\.${keyIdOf(NEW)}\\.`));
      return allProperties(row, onlyNew, { table, id }).password;
    };
    expect(await open("Source", src.value.id)).toBe("rotate-me");
    expect(await open("Source", legacy.value.id)).toBe("legacy-pw");
    expect(await open("Destination", dest.value.id)).toBe("dest-pw");
  });
});

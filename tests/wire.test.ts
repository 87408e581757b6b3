// The API's JSON: made from domain objects, shaped as the response schemas say, times as 2019-05-28T13:52:23Z.
import { describe, expect, it } from "vitest";
import { auditEventsPage } from "@/lib/audit/api-page";
import { createSecretBox } from "@/lib/crypto/secret-box";
import { createDestination } from "@/lib/connect/destinations";
import { createSource, updateSource } from "@/lib/connect/sources";
import { auditEventsPageSchema, destinationSchema, sourceSchema } from "@/lib/http/responses";
import { apiTime, auditPageJson, destinationJson, sourceJson } from "@/lib/http/wire";
import { createApiKey } from "@/lib/api-keys/service";
import { freshDb } from "./helpers/db";
import { seedAccount } from "./helpers/accounts";

const box = createSecretBox("test-data-key-0123456789-0123456789-abcdef");
const SECOND = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

describe("wire format", async () => {
  const { db } = await freshDb();

  it("writes times to the second with Z, whatever the milliseconds", () => {
    expect(apiTime(new Date("2019-05-28T13:52:23.987Z"))).toBe("2019-05-28T13:52:23Z");
    expect(apiTime(new Date(Date.UTC(2020, 5, 19, 15, 9, 38)))).toBe("2020-06-19T15:09:38Z");
  });

  it("serializes sources, destinations and audit pages into their response schemas", async () => {
    const acct = await seedAccount(db);
    const created = await createSource({ db, box }, acct.accountId, { display_name: "Orders", type: "platform.postgres", properties: { host: "h" } });
    if (!created.ok) throw new Error(created.message);
    const paused = await updateSource({ db, box }, acct.accountId, created.value.id, { paused_at: "2020-01-01T00:00:00Z" });
    if (!paused.ok) throw new Error(paused.message);
    const source = sourceSchema.strict().parse(sourceJson(paused.value));
    expect(source).toMatchObject({ id: created.value.id, display_name: "Orders", stitch_client_id: acct.accountId, schedule: null, deleted_at: null });
    for (const t of [source.created_at, source.updated_at, source.paused_at]) expect(t).toMatch(SECOND);

    const destination = await createDestination({ db, box }, acct.accountId, { type: "postgres", properties: { host: "d", port: "5432", dbname: "w", user: "u", password: "secret-pw" } });
    if (!destination.ok) throw new Error(destination.message);
    const wire = destinationSchema.strict().parse(destinationJson(destination.value));
    expect(wire.created_at).toMatch(SECOND);
    expect(JSON.stringify(wire)).not.toContain("secret-pw");

    await createApiKey(db, { accountId: acct.accountId, userId: acct.users[0].id }, "audited", "pepper-0123456789-0123456789-0123");
    const page = auditEventsPageSchema.parse(auditPageJson(await auditEventsPage(db, acct.accountId, 1)));
    expect(page.data[0]).toMatchObject({ action: "key.created", created_at: expect.stringMatching(SECOND) });
  });
});

import { describe, expect, it } from "vitest";
import { createSecretBox } from "@/lib/crypto/secret-box";
import { lastConnectionCheck } from "@/lib/connect/checks";
import { createSource, getSource } from "@/lib/connect/sources";
import { getStreamDetail, lastCheckOf, listStreamSummaries, updateStreamMetadata } from "@/lib/connect/stream-access";
import { listSourceSummaries } from "@/lib/connect/source-summaries";
import { freshDb } from "./helpers/db";
import { seedAccount } from "./helpers/accounts";
import { createSourceDatabase, SOURCE_PG } from "./helpers/source-db";

const BY = { actor: { type: "system" as const, label: "test" } };

describe("streams of an account's source", async () => {
  const { db } = await freshDb();
  const database = await createSourceDatabase();
  const deps = { db, box: createSecretBox("x".repeat(40)) };
  const props = { host: SOURCE_PG.host, port: String(SOURCE_PG.port), dbname: database, user: SOURCE_PG.user, password: "pw-not-checked" };

  async function discovered() {
    const { accountId } = await seedAccount(db);
    const created = await createSource(deps, accountId, { display_name: "PG", type: "platform.postgres", properties: props }, BY);
    if (!created.ok) throw new Error(created.message);
    await expect.poll(async () => (await lastConnectionCheck(db, created.value.id))?.status, { timeout: 15_000 }).toBe("succeeded");
    return { accountId, id: created.value.id };
  }
  const tap = (table: string) => `${database}-public-${table}`;
  const select = (table: string, ...columns: string[]) => ({
    tap_stream_id: tap(table),
    metadata: [{ breadcrumb: [], metadata: { selected: true } }, ...columns.map((c) => ({ breadcrumb: ["properties", c], metadata: { selected: true } }))],
  });

  it("refuses a selection before discovery succeeded, and on a source of another account", async () => {
    const { accountId } = await seedAccount(db);
    const half = await createSource(deps, accountId, { display_name: "Half", type: "platform.postgres", properties: { host: "h" } }, BY);
    if (!half.ok) throw new Error(half.message);
    expect(await updateStreamMetadata(db, accountId, half.value.id, { streams: [] })).toMatchObject({ ok: false, code: "InvalidBody", message: expect.stringMatching(/"form" step/) });
    expect(await lastCheckOf(db, accountId, half.value.id)).toBeNull();

    const other = await discovered();
    expect(await updateStreamMetadata(db, accountId, other.id, { streams: [select("customers")] })).toMatchObject({ ok: false, code: "NotFound" });
    expect(await listStreamSummaries(db, accountId, other.id)).toBeNull();
    const streamId = (await listStreamSummaries(db, other.accountId, other.id))![0].id;
    expect(await getStreamDetail(db, accountId, other.id, streamId)).toBeNull();
    expect(await getStreamDetail(db, other.accountId, other.id, streamId)).not.toBeNull();
  });

  it("keys stream-level errors by the request's index and writes nothing on any error", async () => {
    const { accountId, id } = await discovered();
    const bad = await updateStreamMetadata(db, accountId, id, {
      streams: [select("order_lines"), { tap_stream_id: tap("customers"), metadata: [{ breadcrumb: ["properties", "email"], metadata: { selected: true } }] }],
    });
    expect(bad).toMatchObject({ ok: false, code: "InvalidProperties", fields: { "streams.1": expect.stringMatching(/before its fields \(email\)/) } });
    expect((await listStreamSummaries(db, accountId, id))!.filter((s) => s.selected)).toEqual([]);
  });

  it("moves the report card to fully_configured with a selected stream, and back when none is left", async () => {
    const { accountId, id } = await discovered();
    const step = async () => (await getSource(db, accountId, id))!.reportCard.currentStepType;
    expect(await step()).toBe("field_selection");
    expect(await updateStreamMetadata(db, accountId, id, { streams: [select("customers", "email")] })).toEqual({ ok: true, value: true });
    expect(await step()).toBe("fully_configured");
    expect((await listSourceSummaries(db, accountId)).find((s) => s.id === id)).toMatchObject({ state: "active", lastCheck: "succeeded", selectedTables: 1 });
    await updateStreamMetadata(db, accountId, id, { streams: [{ tap_stream_id: tap("customers"), metadata: [{ breadcrumb: [], metadata: { selected: false } }] }] });
    expect(await step()).toBe("field_selection");
  });
});

import { describe, expect, it } from "vitest";
import { INTERRUPTED, lastConnectionCheck, recordInterruptedChecks, startConnectionCheck } from "@/lib/connect/checks";
import { loadStreams } from "@/lib/connect/streams";
import { freshDb } from "./helpers/db";
import { seedAccount } from "./helpers/accounts";
import { createSourceDatabase, SOURCE_PG } from "./helpers/source-db";

describe("connection checks", async () => {
  const { db } = await freshDb();
  const database = await createSourceDatabase();

  async function source() {
    const acct = await seedAccount(db);
    return db.source.create({ data: { accountId: acct.accountId, name: `pg_${Date.now()}`, displayName: "PG", type: "platform.postgres" } });
  }

  it("runs in the background, then reports success and stores the streams", async () => {
    const src = await source();
    const { jobName, finished } = await startConnectionCheck(db, src, { ...SOURCE_PG, database, filterSchemas: [] });
    expect(jobName).toMatch(new RegExp(`^${src.accountId}\\.${src.id}\\.check\\.[0-9a-f-]{36}$`));
    expect((await db.source.findUniqueOrThrow({ where: { id: src.id } })).checkJobName).toBe(jobName);
    await finished;
    expect(await lastConnectionCheck(db, src.id)).toMatchObject({ jobName, status: "succeeded", checkExitStatus: 0, discoveryExitStatus: 0, error: null });
    expect((await loadStreams(db, src.id)).map((s) => s.streamName)).toContain("customers");
  });

  it("a failing connection fails the check with the database's message and keeps earlier streams", async () => {
    const src = await source();
    await (await startConnectionCheck(db, src, { ...SOURCE_PG, database, filterSchemas: [] })).finished;
    const before = (await loadStreams(db, src.id)).length;
    await (await startConnectionCheck(db, src, { ...SOURCE_PG, database: "no_such_db_here", password: "pw-123456", filterSchemas: [] })).finished;
    const check = await lastConnectionCheck(db, src.id);
    expect(check).toMatchObject({ status: "failed", checkExitStatus: 1, discoveryExitStatus: null });
    expect(check?.error).toMatch(/no_such_db_here/);
    expect(check?.error).not.toContain("pw-123456");
    expect((await loadStreams(db, src.id)).length).toBe(before);
  });

  it("a check left running by a crashed server reads as failed without a write, and the reaper records it so", async () => {
    const src = await source();
    const old = new Date(Date.now() - 5 * 60_000);
    const row = () => db.connectionCheck.findUniqueOrThrow({ where: { jobName: `crash-${src.id}` } });
    await db.connectionCheck.create({ data: { sourceId: src.id, jobName: `crash-${src.id}`, status: "running", startedAt: old, heartbeatAt: old } });
    const read = await lastConnectionCheck(db, src.id);
    expect(read).toMatchObject({ status: "failed", error: INTERRUPTED });
    expect((await row()).status).toBe("running");
    expect(await recordInterruptedChecks(db)).toBe(1);
    expect(await row()).toMatchObject({ status: "failed", error: INTERRUPTED, completedAt: old });
    expect(await lastConnectionCheck(db, src.id)).toEqual(read);
    expect(await recordInterruptedChecks(db)).toBe(0);
  });
});

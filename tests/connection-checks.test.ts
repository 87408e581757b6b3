import { describe, expect, it } from "vitest";
import { INTERRUPTED, lastConnectionCheck, startConnectionCheck } from "@/lib/connect/checks";
import { loadStreams } from "@/lib/connect/streams";
import { freshDb } from "./helpers/db";
import { seedAccount } from "./helpers/accounts";
import { createSourceDatabase, SOURCE_PG } from "./helpers/source-db";

describe("connection checks", async () => {
  const { db } = await freshDb();
  const database = await createSourceDatabase();

  async function source() {
    const acct = await seedAccount(db);
    return db.source.create({ data: { workspaceId: acct.workspaceId, name: `pg_${Date.now()}`, displayName: "PG", type: "platform.postgres" } });
  }

  it("runs in the background, then reports success and stores the streams", async () => {
    const src = await source();
    const { jobName, finished } = await startConnectionCheck(db, src, { ...SOURCE_PG, database, filterSchemas: [] });
    expect(jobName).toMatch(new RegExp(`^${src.workspaceId}\\.${src.id}\\.check\\.[0-9a-f-]{36}$`));
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

  it("a check left running by a crashed server is reported and recorded as failed", async () => {
    const src = await source();
    const old = new Date(Date.now() - 5 * 60_000);
    await db.connectionCheck.create({ data: { sourceId: src.id, jobName: `crash-${src.id}`, status: "running", startedAt: old, heartbeatAt: old } });
    expect(await lastConnectionCheck(db, src.id)).toMatchObject({ status: "failed", error: INTERRUPTED });
    expect((await db.connectionCheck.findUniqueOrThrow({ where: { jobName: `crash-${src.id}` } })).status).toBe("failed");
  });
});

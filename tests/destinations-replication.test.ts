// Destinations for replication: the connection check, which destination a source loads into, none → a clear failure.
import { describe, expect, it } from "vitest";
import { createSecretBox } from "@/lib/crypto/secret-box";
import { checkDestination } from "@/lib/connect/destination-check";
import { createDestination, updateDestination } from "@/lib/connect/destinations";
import { updateSource } from "@/lib/connect/sources";
import { destinationWire } from "@/lib/http/wire/destinations";
import { runReplication } from "@/lib/replication/engine/run";
import { createJob } from "@/lib/replication/jobs";
import { runJob } from "@/lib/replication/runner";
import { freshDb } from "./helpers/db";
import { query, SOURCE_PG } from "./helpers/replication-databases";
import { DEST_PASSWORD, TEST_ACTOR, select, setUpReplication } from "./helpers/replication-setup";

const box = createSecretBox("test-data-key-0123456789-0123456789-abcdef");
const by = { trigger: "api" as const, actorLabel: "test" };

describe("destinations for replication", async () => {
  const { db } = await freshDb();
  const deps = { db, box, engine: runReplication };

  it("the check connects to a real database; a wrong one fails with the server's message and no password", async () => {
    const s = await setUpReplication(db, box);
    const dest = await db.destination.findFirstOrThrow({ where: { accountId: s.accountId } });
    expect(await checkDestination({ db, box }, s.accountId, dest.id)).toMatchObject({ ok: true, value: { status: "succeeded", error: null } });
    await updateDestination({ db, box }, s.accountId, dest.id, { properties: { database: "no_such_database_x", password: DEST_PASSWORD } }, TEST_ACTOR);
    const failed = await checkDestination({ db, box }, s.accountId, dest.id);
    expect(failed).toMatchObject({ ok: true, value: { status: "failed" } });
    expect(failed.ok && failed.value.error).toMatch(/no_such_database_x/);
    expect(JSON.stringify(failed)).not.toContain(DEST_PASSWORD);
    expect(await checkDestination({ db, box }, s.accountId + 999, dest.id)).toMatchObject({ ok: false, code: "NotFound" });
  });

  it("a source loads into its destination_id; with several and none chosen the job fails with a clear message", async () => {
    const s = await setUpReplication(db, box);
    await select(db, s, { items: { method: "FULL_TABLE" } });
    const first = await db.destination.findFirstOrThrow({ where: { accountId: s.accountId } });
    const second = await createDestination({ db, box }, s.accountId, {
      type: "postgres",
      properties: { host: SOURCE_PG.host, port: "5432", username: SOURCE_PG.user, database: "postgres", password: "x", ssl: false },
    }, TEST_ACTOR);
    if (!second.ok) throw new Error(second.message);
    // The original's timestamps: seconds, no milliseconds.
    expect(destinationWire(second.value).created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(destinationWire(second.value).updated_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const started = await createJob(db, s.accountId, s.sourceId, by);
    expect(started.ok && (await runJob(deps, started.value.jobName))).toBe("failed");
    const job = await db.replicationJob.findFirstOrThrow({ where: { sourceId: s.sourceId } });
    expect(job).toMatchObject({ tapExitStatus: 0, targetExitStatus: 1 });
    expect(job.targetDescription).toMatch(/no destination: set its destination_id/);
    expect(job.log).toContain(`Target failed with code 1 and error message: "The source has no destination`);

    expect(await updateSource({ db, box }, s.accountId, s.sourceId, { destination_id: 2_000_000 }, TEST_ACTOR)).toMatchObject({ ok: false, code: "InvalidProperties" });
    expect(await updateSource({ db, box }, s.accountId, s.sourceId, { destination_id: first.id }, TEST_ACTOR)).toMatchObject({ ok: true, value: { destinationId: first.id } });
    const again = await createJob(db, s.accountId, s.sourceId, by);
    expect(again.ok && (await runJob(deps, again.value.jobName))).toBe("succeeded");
    expect(await query(s.destDb, `SELECT count(*)::int AS n FROM "${s.sourceName}".items`)).toEqual([{ n: 50 }]);
  });
});

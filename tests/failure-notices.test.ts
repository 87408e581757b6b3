// Failure notices: a failed run tells the account's owners once (Activity without SMTP) until a run succeeds.
import { describe, expect, it } from "vitest";
import { createSecretBox } from "@/lib/crypto/secret-box";
import { createSource } from "@/lib/connect/sources";
import { notifyRunOutcome } from "@/lib/replication/notify";
import { freshDb } from "./helpers/db";
import { createTestAccount, TEST_ACTOR } from "./helpers/accounts";

const box = createSecretBox("test-data-key-0123456789-0123456789-abcdef");

describe("failure notices", async () => {
  const { db } = await freshDb();

  it("one notice per failing source until a run succeeds (an Activity event without SMTP)", async () => {
    const account = await createTestAccount(db);
    const source = await createSource({ db, box }, account.id, { display_name: "Failing", type: "platform.postgres", properties: {} }, TEST_ACTOR);
    if (!source.ok) throw new Error(source.message);
    let n = 0;
    const job = async (status: string) => {
      const jobName = `${account.id}.${source.value.id}.sync.n${n++}`;
      await db.replicationJob.create({
        data: { workspaceId: account.id, sourceId: source.value.id, jobName, status, actorLabel: "t", completedAt: new Date(), tapExitStatus: status === "failed" ? 1 : 0, tapDescription: status === "failed" ? "relation \"x\" does not exist" : null },
      });
      return notifyRunOutcome(db, jobName, "https://bobbin.example");
    };
    expect(await job("failed")).toBe("recorded");
    expect(await job("failed")).toBe("none");
    expect(await job("succeeded")).toBe("none");
    expect(await job("failed")).toBe("recorded");
    const events = await db.auditEvent.findMany({ where: { workspaceId: account.id, action: "job.failed_notice" } });
    expect(events).toHaveLength(2);
    expect(events[0].targetLabel).toContain('failed: relation "x" does not exist');
    expect(events[0].targetLabel).toContain(`https://bobbin.example/sources/${source.value.id}?account=${account.slug}`);
  });
});

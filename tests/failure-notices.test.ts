// Failure notices: a failed run tells the account's owners and its enabled custom emails once (an email through a
// real SMTP exchange, or Activity without SMTP) until a run succeeds; a job the reaper fails is noticed the same way.
import { afterEach, describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/api-keys/service";
import { createSecretBox } from "@/lib/crypto/secret-box";
import { createSource } from "@/lib/connect/sources";
import { createCustomEmail, setCustomEmailDisabled } from "@/lib/notifications/custom-emails";
import { reapStaleJobs, STALE_AFTER_MS, TERMINATED } from "@/lib/replication/jobs";
import { notifyRunOutcome } from "@/lib/replication/notify";
import { freshDb } from "./helpers/db";
import { createTestAccount, TEST_ACTOR, type TestAccount } from "./helpers/accounts";
import { smtpCapture } from "./helpers/smtp-capture";

const box = createSecretBox("test-data-key-0123456789-0123456789-abcdef");

describe("failure notices", async () => {
  const { db } = await freshDb();
  const smtp = await smtpCapture();
  afterEach(() => {
    delete process.env.SMTP_URL;
  });

  async function failingSource(account: TestAccount) {
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
    return { sourceId: source.value.id, job };
  }

  async function keyOf(account: TestAccount) {
    const user = await db.user.findUniqueOrThrow({ where: { email: account.emails[0] } });
    const made = await createApiKey(db, { workspaceId: account.id, userId: user.id }, "notices", "pepper-for-tests-0123456789");
    if (!made.ok) throw new Error("no key");
    return { keyId: made.value.key.id, workspaceId: account.id, userId: user.id };
  }

  it("one notice per failing source until a run succeeds (an Activity event without SMTP)", async () => {
    const account = await createTestAccount(db);
    const { sourceId, job } = await failingSource(account);
    expect(await job("failed")).toBe("recorded");
    expect(await job("failed")).toBe("none");
    expect(await job("succeeded")).toBe("none");
    expect(await job("failed")).toBe("recorded");
    const events = await db.auditEvent.findMany({ where: { workspaceId: account.id, action: "job.failed_notice" } });
    expect(events).toHaveLength(2);
    expect(events[0].targetLabel).toContain('failed: relation "x" does not exist');
    expect(events[0].targetLabel).toContain(`https://bobbin.example/sources/${sourceId}?account=${account.slug}`);
  });

  it("with SMTP, the owners and the enabled custom emails get the email, each address once", async () => {
    const account = await createTestAccount(db, { members: 2 });
    const key = await keyOf(account);
    const [owner, member] = account.emails;
    const ops = await createCustomEmail(db, key, "Ops@Example.com");
    const again = await createCustomEmail(db, key, owner.toUpperCase());
    const off = await createCustomEmail(db, key, "off@example.com");
    if (!ops.ok || !again.ok || !off.ok) throw new Error("custom emails not created");
    await setCustomEmailDisabled(db, key, off.value.id, true);
    const { job } = await failingSource(account);
    process.env.SMTP_URL = smtp.url;
    const before = smtp.messages.length;

    expect(await job("failed")).toBe("sent");
    const mails = smtp.messages.slice(before);
    expect(mails.map((m) => m.to).flat().sort()).toEqual([owner, "ops@example.com"].sort());
    expect(mails.map((m) => m.to).flat()).not.toContain(member);
    for (const mail of mails) {
      expect(mail.data).toContain("Subject: Replication of Failing failed");
      expect(mail.data).toContain('relation "x" does not exist');
    }
    // Once per failing spell, custom emails included.
    expect(await job("failed")).toBe("none");
    expect(smtp.messages.length).toBe(before + mails.length);
    // No Activity fallback when an email went out.
    expect(await db.auditEvent.count({ where: { workspaceId: account.id, action: "job.failed_notice" } })).toBe(0);
  });

  it("a job failed by the reaper (its worker died) sends the notice once, like a run that failed", async () => {
    const account = await createTestAccount(db);
    const { sourceId, job } = await failingSource(account);
    const stale = new Date(Date.now() - STALE_AFTER_MS - 60_000);
    const dead = async (jobName: string) => {
      await db.replicationJob.create({
        data: { workspaceId: account.id, sourceId, jobName, status: "running", runningSourceId: sourceId, actorLabel: "t", startedAt: stale, heartbeatAt: stale },
      });
      return reapStaleJobs(db);
    };
    const noticed = () => db.auditEvent.findMany({ where: { workspaceId: account.id, action: "job.failed_notice" } });

    expect(await dead(`${account.id}.${sourceId}.sync.dead1`)).toBe(1);
    expect((await db.replicationJob.findUniqueOrThrow({ where: { jobName: `${account.id}.${sourceId}.sync.dead1` } })).tapDescription).toBe(TERMINATED);
    const first = await noticed();
    expect(first).toHaveLength(1);
    expect(first[0].targetLabel).toContain(`source ${sourceId} (Failing) failed: ${TERMINATED}`);
    // A second dead job while still failing: no second notice; after a success, the next reaped job is noticed again.
    expect(await dead(`${account.id}.${sourceId}.sync.dead2`)).toBe(1);
    expect(await noticed()).toHaveLength(1);
    expect(await job("succeeded")).toBe("none");
    expect(await dead(`${account.id}.${sourceId}.sync.dead3`)).toBe(1);
    expect(await noticed()).toHaveLength(2);
  });
});

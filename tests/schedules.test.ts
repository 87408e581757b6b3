// Schedules: the original's properties on the API's domain calls, the fire-time math (intervals, anchors, Quartz
// cron), and the scheduler's claim: two claimers (two clients of the same database) start a due job exactly once.
import { describe, expect, it } from "vitest";
import { createSecretBox } from "@/lib/crypto/secret-box";
import { createDb } from "@/lib/db/factory";
import { createSource, updateSource } from "@/lib/connect/sources";
import { sourceWire } from "@/lib/http/wire/sources";
import { fireDueSchedules } from "@/lib/jobs/scheduler";
import { nextFireTime, nextFireTimes, scheduleOf, scheduleProblems } from "@/lib/jobs/schedule";
import { nextCronTime, parseQuartzCron } from "@/lib/jobs/quartz-cron";
import type { JobQueue } from "@/lib/jobs/queue";
import { freshDb } from "./helpers/db";
import { createTestAccount, TEST_ACTOR } from "./helpers/accounts";

const box = createSecretBox("test-data-key-0123456789-0123456789-abcdef");
const t = (iso: string) => new Date(iso);
const isoList = (dates: Date[]) => dates.map((d) => d.toISOString().replace(".000Z", "Z"));

describe("schedule math", () => {
  it("an anchored interval fires at the anchor's time of day and every interval from it", () => {
    const s = scheduleOf({ frequency_in_minutes: "360", anchor_time: "2018-04-30T03:30:00Z" });
    expect(isoList(nextFireTimes(s, t("2026-11-29T10:00:00Z"), 4))).toEqual(["2026-11-29T15:30:00Z", "2026-11-29T21:30:00Z", "2026-11-30T03:30:00Z", "2026-11-30T09:30:00Z"]);
    // Exactly on a slot: the next one.
    expect(isoList([nextFireTime(s, t("2026-11-29T15:30:00Z"))!])).toEqual(["2026-11-29T21:30:00Z"]);
    const daily = scheduleOf({ frequency_in_minutes: "1440", anchor_time: "2018-11-06T22:00:00.000Z" });
    expect(isoList(nextFireTimes(daily, t("2026-11-29T23:00:00Z"), 2))).toEqual(["2026-11-30T22:00:00Z", "2026-12-01T22:00:00Z"]);
  });

  it("an unanchored interval counts from the previous start; the default is 30 minutes", () => {
    const s = scheduleOf({});
    expect(s).toEqual({ type: "interval", minutes: 30, anchor: null });
    expect(nextFireTime(s, t("2026-11-29T10:10:00Z"), t("2026-11-29T10:00:00Z"))).toEqual(t("2026-11-29T10:30:00Z"));
    expect(nextFireTime(s, t("2026-11-29T11:00:00Z"), t("2026-11-29T10:00:00Z"))).toEqual(t("2026-11-29T11:30:00Z"));
  });

  it("Quartz cron: 6 or 7 fields, ? in one day field, names, ranges, steps, years; cron wins over a frequency", () => {
    const s = scheduleOf({ frequency_in_minutes: "30", cron_expression: "0 0 12 ? * MON-FRI *" });
    expect(s.type).toBe("cron");
    // 2026-11-27 is a Friday: the next weekday noons are Fri 27th, Mon 30th, Tue 1st.
    expect(isoList(nextFireTimes(s, t("2026-11-27T08:00:00Z"), 3))).toEqual(["2026-11-27T12:00:00Z", "2026-11-30T12:00:00Z", "2026-12-01T12:00:00Z"]);
    expect(isoList(nextFireTimes(scheduleOf({ cron_expression: "30 0/20 8 1,15 * ?" }), t("2026-11-29T00:00:00Z"), 4))).toEqual([
      "2026-12-01T08:00:30Z", "2026-12-01T08:20:30Z", "2026-12-01T08:40:30Z", "2026-12-15T08:00:30Z",
    ]);
    // Quartz's day 1 is Sunday.
    expect(nextCronTime(parseQuartzCron("0 0 6 ? * 1"), t("2026-11-29T07:00:00Z"))).toEqual(t("2026-12-06T06:00:00Z"));
    expect(nextCronTime(parseQuartzCron("0 0 0 1 JAN ? 2027"), t("2026-11-29T07:00:00Z"))).toEqual(t("2027-01-01T00:00:00Z"));
    expect(nextCronTime(parseQuartzCron("0 0 0 1 JAN ? 2025"), t("2026-11-29T07:00:00Z"))).toBeNull();
  });

  it("bad schedule properties are refused with what is wrong", () => {
    expect(scheduleProblems({ frequency_in_minutes: "45" })).toEqual({ "properties.frequency_in_minutes": "Use one of 1, 30, 60, 360, 720, 1440 (minutes)." });
    expect(scheduleProblems({ frequency_in_minutes: "30", anchor_time: "2018-04-30T17:00:00Z" })).toEqual({ "properties.anchor_time": "An anchor time needs a frequency of 60 minutes or more." });
    expect(scheduleProblems({ anchor_time: "tomorrow" })["properties.anchor_time"]).toMatch(/ISO 8601/);
    expect(scheduleProblems({ cron_expression: "0 12 * * *" })["properties.cron_expression"]).toMatch(/6 or 7 fields/);
    expect(scheduleProblems({ cron_expression: "0 0 12 * * MON" })["properties.cron_expression"]).toMatch(/exactly one/);
    expect(scheduleProblems({ cron_expression: "0 0 12 L * ?" })["properties.cron_expression"]).toMatch(/L, W and # are not supported/);
    expect(scheduleProblems({ cron_expression: "0 61 12 ? * *" })["properties.cron_expression"]).toMatch(/"61" is not a valid minutes/);
    expect(scheduleProblems({ frequency_in_minutes: "60", anchor_time: "2018-04-30T17:00:00Z", cron_expression: "0 0 12 ? * MON-FRI" })).toEqual({});
  });
});

describe("schedules on sources and the scheduler", async () => {
  const { db, url } = await freshDb();
  const deps = { db, box };
  const enqueued: string[] = [];
  const queue: JobQueue = { kind: "local", enqueue: async (name) => void enqueued.push(name), work: async () => {}, stop: async () => {} };

  async function scheduledSource(properties: Record<string, string | null>) {
    const account = await createTestAccount(db);
    const made = await createSource(deps, account.id, { display_name: `S ${Math.random()}`, type: "platform.postgres", properties: { host: "127.0.0.1", ...properties } }, TEST_ACTOR);
    if (!made.ok) throw new Error(made.message);
    const stream = await db.stream.create({ data: { sourceId: made.value.id, tapStreamId: "db-public-t", streamName: "t", schema: "{}", metadata: "[]", selected: true } });
    return { accountId: account.id, source: made.value, stream };
  }

  it("the source carries its schedule; null clears a property; paused → schedule null; bad values change nothing", async () => {
    const { accountId, source } = await scheduledSource({ frequency_in_minutes: "360", anchor_time: "2018-04-30T03:30:00Z" });
    expect(source.properties).toMatchObject({ frequency_in_minutes: "360", anchor_time: "2018-04-30T03:30:00Z" });
    expect(sourceWire(source).schedule).toMatchObject({ type: "interval", unit: "minute", interval: 360, next_fire_time: expect.stringMatching(/T(03|09|15|21):30:00Z$/) });
    const cron = await updateSource(deps, accountId, source.id, { properties: { cron_expression: "0 0 12 ? * MON-FRI *" } }, TEST_ACTOR);
    expect(cron.ok && sourceWire(cron.value).schedule).toMatchObject({ type: "cron", cron_expression: "0 0 12 ? * MON-FRI *", next_fire_time: expect.stringMatching(/T12:00:00Z$/) });
    const refused = await updateSource(deps, accountId, source.id, { properties: { cron_expression: null, frequency_in_minutes: "30" } }, TEST_ACTOR);
    expect((await db.source.findUniqueOrThrow({ where: { id: source.id } })).properties).toContain("cron_expression");
    expect(refused).toMatchObject({ ok: false, fields: { "properties.anchor_time": "An anchor time needs a frequency of 60 minutes or more." } });
    const cleared = await updateSource(deps, accountId, source.id, { properties: { cron_expression: null, anchor_time: null, frequency_in_minutes: "60" } }, TEST_ACTOR);
    expect(cleared.ok && cleared.value.properties).not.toHaveProperty("cron_expression");
    expect(cleared.ok && cleared.value.schedule).toMatchObject({ type: "interval", interval: 60 });
    const paused = await updateSource(deps, accountId, source.id, { paused_at: new Date().toISOString() }, TEST_ACTOR);
    expect(paused.ok && paused.value.schedule).toBeNull();
  });

  it("two claimers on one database start a due job exactly once; a slot while it runs is skipped; paused and deleted never run", async () => {
    const { accountId, source } = await scheduledSource({ frequency_in_minutes: "30" });
    const other = createDb(url);
    try {
      const now = new Date(Date.now() + 31 * 60_000);
      const results = await Promise.all([fireDueSchedules(db, queue, now), fireDueSchedules(other, queue, now), fireDueSchedules(db, queue, now), fireDueSchedules(other, queue, now)]);
      const started = results.flatMap((r) => r.started).filter((name) => name.startsWith(`${accountId}.${source.id}.`));
      expect(started).toHaveLength(1);
      expect(await db.replicationJob.count({ where: { sourceId: source.id } })).toBe(1);
      expect((await db.replicationJob.findFirstOrThrow({ where: { sourceId: source.id } })).trigger).toBe("schedule");
      // The next slot comes while the job is still queued: skipped, no second job.
      const later = new Date(now.getTime() + 31 * 60_000);
      const again = await fireDueSchedules(other, queue, later);
      expect(again.skipped).toContain(source.id);
      expect(await db.replicationJob.count({ where: { sourceId: source.id } })).toBe(1);

      const paused = await scheduledSource({ frequency_in_minutes: "30" });
      await updateSource(deps, paused.accountId, paused.source.id, { paused_at: new Date().toISOString() }, TEST_ACTOR);
      const deleted = await scheduledSource({ frequency_in_minutes: "30" });
      await db.source.update({ where: { id: deleted.source.id }, data: { deletedAt: new Date() } }); // nextFireAt kept: the guard alone must hold
      await fireDueSchedules(db, queue, new Date(Date.now() + 120 * 60_000));
      expect(await db.replicationJob.count({ where: { sourceId: { in: [paused.source.id, deleted.source.id] } } })).toBe(0);
    } finally {
      await other.$disconnect();
    }
  });
});

// kill -9 of `next start` in the middle of a load of key actions (the real server actions, over HTTP, as the page
// calls them). After a restart: the database is intact (SQLite: PRAGMA integrity_check), every account's key
// counter equals its rows, and every action that returned success is in place. On a SQLite file of its own, and
// on the suite's database (PostgreSQL in npm test).
import { randomBytes } from "node:crypto";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../lib/db/factory";
import { migrate, removeSqliteFiles } from "../../scripts/lib/database";
import { createTestAccount, TEST_PASSWORD, type TestAccount } from "../helpers/accounts";
import { freshDb } from "../helpers/db";
import { signInOverHttp } from "../helpers/http-session";
import { startInstances } from "../helpers/instances";
import { actionId, callAction } from "../helpers/server-actions";

const KEYS = "app/(app)/[account]/settings/account/actions.ts";
type Done = { op: "create" | "disable" | "delete"; description: string };

async function sqliteDb(): Promise<{ db: Db; url: string }> {
  const file = path.resolve(`.tmp/crash-${randomBytes(4).toString("hex")}.db`);
  const url = `file:${file}`;
  await migrate(url);
  const db = createDb(url);
  afterAll(async () => {
    await db.$disconnect();
    removeSqliteFiles(file);
  });
  return { db, url };
}

// One member's loop: create a key, disable it, delete two of three; each success is recorded once answered.
async function load(base: string, account: TestAccount, done: Done[], stop: () => boolean, db: Db) {
  const session = await signInOverHttp(base, account.emails[0], TEST_PASSWORD);
  const page = `/${account.slug}/settings/account`;
  const call = (name: string, fields: Record<string, string>) =>
    callAction(session, base, page, actionId(KEYS, name), { accountId: String(account.id), ...fields });
  for (let i = 0; !stop(); i++) {
    const description = `crash ${account.slug} ${i}`;
    try {
      if (!(await call("generateApiKeyAction", { description })).result?.ok) continue;
      done.push({ op: "create", description });
      const { id } = await db.apiKey.findFirstOrThrow({ where: { accountId: account.id, description } });
      if ((await call("disableApiKeyAction", { keyId: String(id) })).result?.ok) done.push({ op: "disable", description });
      if (i % 3 !== 0 && (await call("deleteApiKeyAction", { keyId: String(id) })).result?.ok) done.push({ op: "delete", description });
    } catch {
      return; // the server is gone
    }
  }
}

describe.each([
  ["a SQLite file", sqliteDb],
  ["the suite's database", freshDb],
] as const)("kill -9 of the server during key actions, on %s", async (_name, makeDb) => {
  const { db, url } = await makeDb();
  it("leaves an intact database, exact counters, and every answered action in place", async () => {
    const accounts = await Promise.all([1, 2, 3].map(() => createTestAccount(db)));
    const server = await startInstances({ databaseUrl: url, count: 1 });
    const done: Done[] = [];
    let killed = false;
    const loops = accounts.map((a) => load(server.instances[0].url, a, done, () => killed, db));
    while (done.length < 45) await new Promise((r) => setTimeout(r, 20));
    server.crash();
    killed = true;
    await Promise.all(loops);

    const restarted = await startInstances({ databaseUrl: url, count: 1 });
    try {
      expect((await fetch(`${restarted.instances[0].url}/v4/health`)).status).toBe(200);
      if (url.startsWith("file:")) {
        expect(await db.$queryRawUnsafe("PRAGMA integrity_check")).toEqual([{ integrity_check: "ok" }]);
      }
      for (const account of accounts) {
        const { apiKeyCount } = await db.account.findUniqueOrThrow({ where: { id: account.id } });
        expect(apiKeyCount).toBe(await db.apiKey.count({ where: { accountId: account.id } }));
      }
      // The last answered action of each key decides its state (at most one action per member was in flight).
      const expected = new Map<string, string>();
      for (const { op, description } of done) expected.set(description, op === "create" ? "enabled" : op === "disable" ? "disabled" : "gone");
      const inFlight = new Set(accounts.map((a) => [...done].reverse().find((d) => d.description.includes(a.slug))?.description));
      let checked = 0;
      for (const [description, state] of expected) {
        if (inFlight.has(description)) continue;
        const row = await db.apiKey.findFirst({ where: { description } });
        expect(row?.status ?? "gone", description).toBe(state);
        checked++;
      }
      expect(checked).toBeGreaterThan(10);
    } finally {
      await restarted.stop();
    }
  }, 300_000);
});

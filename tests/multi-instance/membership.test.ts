// Two `next start` instances on one database (PostgreSQL under npm test), as behind a load balancer
// without sticky sessions: what one instance or the database changes, the other sees on the next request.
import { chromium } from "@playwright/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findChromium } from "../../scripts/lib/browser";
import { createTestAccount, TEST_PASSWORD } from "../helpers/accounts";
import { freshDb } from "../helpers/db";
import { signInOverHttp } from "../helpers/http-session";
import { startInstances, type Cluster } from "../helpers/instances";

describe("two instances sharing one database and the same secrets", async () => {
  const { db, url } = await freshDb();
  let cluster: Cluster;
  beforeAll(async () => {
    cluster = await startInstances({ databaseUrl: url, count: 2 });
  }, 300_000);
  afterAll(() => cluster?.stop());

  const settings = (slug: string) => `/${slug}/settings/account`;

  it("accepts on B a session signed in on A, and B still refuses a request without one", async () => {
    const [a, b] = cluster.instances;
    const account = await createTestAccount(db);
    const session = await signInOverHttp(a.url, account.emails[0], TEST_PASSWORD);

    const me = await session.fetch(b.url, "/api/auth/session");
    expect(((await me.json()) as { user?: { email?: string } }).user?.email).toBe(account.emails[0]);
    const page = await session.fetch(b.url, settings(account.slug));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(account.name);

    const anonymous = await fetch(`${b.url}${settings(account.slug)}`, { redirect: "manual" });
    expect(anonymous.status).toBeGreaterThanOrEqual(300);
    expect(anonymous.status).toBeLessThan(400);
    expect(anonymous.headers.get("location")).toMatch(/\/login\?callbackUrl=/);
  });

  it("a browser given the session made on A opens the account's settings on B", async () => {
    const [a, b] = cluster.instances;
    const account = await createTestAccount(db);
    const session = await signInOverHttp(a.url, account.emails[0], TEST_PASSWORD);
    const browser = await chromium.launch({ executablePath: findChromium(), args: ["--disable-gpu", "--disable-quic"] });
    try {
      const context = await browser.newContext();
      await context.addCookies(session.playwrightCookies(b.url));
      const page = await context.newPage();
      await page.goto(`${b.url}${settings(account.slug)}`);
      await page.getByRole("heading", { name: account.name }).waitFor();
      expect(new URL(page.url()).pathname).toBe(settings(account.slug));
    } finally {
      await browser.close();
    }
  });

  it("a member removed from the account in the database loses it on both instances at the next request", async () => {
    const [a, b] = cluster.instances;
    const account = await createTestAccount(db, { members: 2 });
    const removed = await signInOverHttp(a.url, account.emails[1], TEST_PASSWORD);
    const owner = await signInOverHttp(b.url, account.emails[0], TEST_PASSWORD);
    for (const instance of [a, b]) {
      const res = await removed.fetch(instance.url, settings(account.slug));
      expect(res.status, `before removal, on ${instance.name}`).toBe(200);
      expect(await res.text()).toContain(account.name);
    }

    await db.membership.deleteMany({ where: { workspaceId: account.id, user: { email: account.emails[1] } } });

    for (const instance of [b, a]) {
      const res = await removed.fetch(instance.url, settings(account.slug));
      expect(res.status, `after removal, on ${instance.name}`).toBe(404);
      expect(await res.text()).not.toContain(account.name);
      // The owner keeps the account: the 404 is the removal, not a broken instance.
      const kept = await owner.fetch(instance.url, settings(account.slug));
      expect(kept.status, `owner after removal, on ${instance.name}`).toBe(200);
    }
  });
});

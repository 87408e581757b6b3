// Replication in the browser: run a source from its page and watch it finish, stop a run (by keyboard alone), a
// failing run's reason and log, the Sources list's last run; axe on each state. Real PostgreSQL source and destination.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test, createAccount, createKey, signIn, type TestAccount } from "./support/fixtures";
import { apiAs, type Api } from "./support/api";
import { discoveredSource } from "./support/source-servers";
import { createEmptyDatabase, createReplicationSource, dropDatabase, query } from "../tests/helpers/replication-databases";

test.describe.configure({ timeout: 120_000 });

let sourceDb: string;
let destDb: string;
test.beforeAll(async () => {
  [sourceDb, destDb] = await Promise.all([createReplicationSource(), createEmptyDatabase()]);
  // ~30 s to read: long enough to look at a running job (and scan it) before stopping it.
  await query(sourceDb, "CREATE VIEW slower_items AS SELECT slow_id(g) AS id FROM generate_series(1, 6000) g");
});
test.afterAll(async () => {
  await Promise.all([dropDatabase(sourceDb), dropDatabase(destDb)]);
});

async function expectNoViolations(page: Page, what: string) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const summary = violations.map((v) => `${v.id}: ${v.help} → ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(summary, `axe violations on ${what}`).toEqual([]);
}

const stream = (table: string, method = "FULL_TABLE") => ({ tap_stream_id: `${sourceDb}-public-${table}`, metadata: [{ breadcrumb: [], metadata: { selected: true, "replication-method": method } }] });

// A discovered source with the given tables selected; a destination unless told otherwise.
async function setUp(api: Api, tables: string[], withDestination = true) {
  if (withDestination) {
    const destination = await api.post("/v4/destinations", {
      type: "postgres", name: "Warehouse", properties: { host: "127.0.0.1", port: "5432", username: "postgres", database: destDb, password: "Dest-Pa55word!q9", ssl: false },
    });
    expect(destination.status(), await destination.text()).toBe(200);
  }
  const sourceId = await discoveredSource(api, sourceDb);
  expect((await api.put(`/v4/sources/${sourceId}/streams/metadata`, { streams: tables.map((t) => stream(t)) })).status()).toBe(200);
  const source = await (await api.get(`/v4/sources/${sourceId}`)).json();
  return { sourceId, schema: source.name as string };
}

async function openSource(page: Page, owner: TestAccount, sourceId: number) {
  await signIn(page, owner.emails[0]);
  await page.goto(`/${owner.slug}/sources/${sourceId}`);
  await expect(page.getByRole("heading", { name: "Replication" })).toBeVisible();
}

// Tab (forwards) until the named button has the focus: the keyboard alone reaches it.
async function tabTo(page: Page, name: string) {
  const button = page.getByRole("button", { name, exact: true });
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press("Tab");
    if (await button.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`Tab never reached "${name}"`);
}

const panel = (page: Page) => page.getByRole("region", { name: "Replication" });

test("Run now from the source's page: the run reaches Succeeded with its rows, the history row, chart and log; the list shows it", async ({ page, request, db }) => {
  const owner = await createAccount(db);
  const api = apiAs(request, (await createKey(db, owner)).plaintext);
  const { sourceId, schema } = await setUp(api, ["items", "notes"]);
  await openSource(page, owner, sourceId);
  await expect(panel(page).getByRole("status")).toHaveText("Never run");
  await expectNoViolations(page, "a source never run");

  await panel(page).getByRole("button", { name: "Run now" }).click();
  // No reload: the panel polls until the run ends.
  await expect(panel(page).getByRole("status")).toHaveText(/^Last run succeeded at \d\d:\d\d UTC — 55 rows$/, { timeout: 60_000 });
  const [destItems] = await query<{ n: number }>(destDb, `SELECT count(*)::int AS n FROM "${schema}".items`);
  expect(destItems.n).toBe(50);

  const history = panel(page).getByRole("table", { name: "Last runs, newest first" });
  const row = history.getByRole("row").nth(1);
  await expect(row.getByRole("cell").nth(1)).toHaveText("55");
  await expect(row.getByRole("cell").nth(2)).toHaveText("Succeeded");
  const tables = panel(page).getByRole("table", { name: "Load state per table" });
  await expect(tables.getByRole("row", { name: /^items/ }).getByRole("cell").first()).toHaveText("50");
  await expect(tables.getByRole("row", { name: /^notes/ }).getByRole("cell").first()).toHaveText("5");
  const chart = panel(page).getByRole("img", { name: /rows and duration of the last runs/ });
  await expect(chart.locator(".recharts-bar-rectangle")).toHaveCount(1);
  await expectNoViolations(page, "a source after a good run");

  await page.goto(`/${owner.slug}/sources`);
  await expect(page.getByRole("row", { name: /Succeeded, \d\d:\d\d UTC/ })).toBeVisible();

  await page.goto(`/${owner.slug}/sources/${sourceId}`);
  await panel(page).getByRole("link", { name: /^Log of the run started/ }).click();
  await expect(page.locator("body")).toContainText("Exit status is: Discovery succeeded. Tap succeeded. Target succeeded.");
  expect(page.url()).toContain("/v4/job-logs/");
});

test("keyboard alone: Run now, watch it run, Stop; the run ends Stopped", async ({ page, request, db }) => {
  const owner = await createAccount(db);
  const api = apiAs(request, (await createKey(db, owner)).plaintext);
  const { sourceId } = await setUp(api, ["slower_items"]);
  await openSource(page, owner, sourceId);
  await tabTo(page, "Run now");
  await page.keyboard.press("Enter");
  await expect(panel(page).getByRole("status")).toHaveText(/^Running since \d\d:\d\d UTC — [\d ]+ rows so far$/, { timeout: 20_000 });
  await expect(panel(page).getByRole("columnheader", { name: "Rows so far" })).toBeVisible();
  // Run now disabled itself and handed the focus to Stop.
  await expect(panel(page).getByRole("button", { name: "Stop" })).toBeFocused();
  await expectNoViolations(page, "a running source");
  await page.keyboard.press("Enter");
  await expect(panel(page).getByRole("status")).toHaveText(/^Last run was stopped at \d\d:\d\d UTC$/, { timeout: 30_000 });
  await expect(panel(page).getByRole("table", { name: "Last runs, newest first" }).getByRole("row").nth(1).getByRole("cell").nth(2)).toHaveText("Stopped");
});

test("a failing run shows its reason in words and its log; another account cannot open that log", async ({ page, request, db, browser }) => {
  const owner = await createAccount(db);
  const api = apiAs(request, (await createKey(db, owner)).plaintext);
  const { sourceId } = await setUp(api, ["items"], false);
  await openSource(page, owner, sourceId);
  await panel(page).getByRole("button", { name: "Run now" }).click();
  const reason = "The source has no destination: set its destination_id (PUT /v4/sources/{id}) or keep exactly one destination in the account.";
  await expect(panel(page).getByRole("status")).toHaveText(`Last run failed: ${reason}`, { timeout: 30_000 });
  const row = panel(page).getByRole("table", { name: "Last runs, newest first" }).getByRole("row").nth(1);
  await expect(row.getByRole("cell").nth(2)).toHaveText("Failed");
  await expect(row.getByRole("cell").nth(3)).toHaveText(reason);
  await expectNoViolations(page, "a source whose last run failed");
  const logHref = await panel(page).getByRole("link", { name: /^Log of the run started/ }).getAttribute("href");
  await panel(page).getByRole("link", { name: /^Log of the run started/ }).click();
  await expect(page.locator("body")).toContainText(`main - CRITICAL ${reason}`);

  const stranger = await createAccount(db);
  const context = await browser.newContext();
  const other = await context.newPage();
  await signIn(other, stranger.emails[0]);
  const answer = await other.request.get(logHref!, { maxRedirects: 0 });
  expect(answer.status()).toBe(404);
  await context.close();
});

test("set a schedule in the UI (next runs shown before saving) and read the same schedule back through the API", async ({ page, request, db }) => {
  const owner = await createAccount(db);
  const api = apiAs(request, (await createKey(db, owner)).plaintext);
  const { sourceId } = await setUp(api, ["notes"]);
  await openSource(page, owner, sourceId);
  const form = page.getByRole("form", { name: "Schedule" });
  await form.getByLabel("Replication frequency").selectOption({ label: "Every 6 hours" });
  await form.getByLabel("Anchor time (UTC, optional)").fill("03:30");
  await expect(form.getByText(/^Next runs: /)).toHaveText(/^Next runs: (.*(03|09|15|21):30 UTC(, )?){3}$/);
  await expectNoViolations(page, "the schedule form");
  await form.getByRole("button", { name: "Save schedule" }).click();
  await expect(form.getByRole("status")).toHaveText("The schedule is saved.");
  let source = await (await api.get(`/v4/sources/${sourceId}`)).json();
  expect(source.properties).toMatchObject({ frequency_in_minutes: "360", anchor_time: "2000-01-01T03:30:00Z" });
  expect(source.schedule).toEqual({ type: "interval", unit: "minute", interval: 360, next_fire_time: expect.stringMatching(/T(03|09|15|21):30:00Z$/) });
  await expect(panel(page).getByText(/^Next run at .*(03|09|15|21):30 UTC \(every 360 minutes\)$/)).toBeVisible();

  await form.getByRole("radio", { name: "Cron expression" }).check();
  await form.getByLabel(/^Cron expression \(Quartz/).fill("0 0 12 ? * MON-FRI");
  await expect(form.getByText(/^Next runs: /)).toHaveText(/^Next runs: (.*12:00 UTC(, )?){3}$/);
  await form.getByRole("button", { name: "Save schedule" }).click();
  await expect(form.getByRole("status")).toHaveText("The schedule is saved.");
  source = await (await api.get(`/v4/sources/${sourceId}`)).json();
  expect(source.properties.cron_expression).toBe("0 0 12 ? * MON-FRI");
  expect(source.schedule).toEqual({ type: "cron", cron_expression: "0 0 12 ? * MON-FRI", next_fire_time: expect.stringMatching(/T12:00:00Z$/) });
  await form.getByLabel(/^Cron expression \(Quartz/).fill("0 0 12 * * MON");
  await expect(form.getByText(/exactly one of day-of-month and day-of-week/)).toBeVisible();
  await expect(form.getByRole("button", { name: "Save schedule" })).toBeDisabled();
});

test("Settings → Destination: add the PostgreSQL destination (password write-only), check it, see which sources load into it", async ({ page, request, db }) => {
  const owner = await createAccount(db);
  const api = apiAs(request, (await createKey(db, owner)).plaintext);
  const { sourceId } = await setUp(api, ["notes"], false);
  await signIn(page, owner.emails[0]);
  await page.goto(`/${owner.slug}/settings/destination`);
  await expect(page.getByRole("link", { name: "Destination" })).toBeVisible();
  const form = page.getByRole("form", { name: "PostgreSQL destination" });
  await form.getByLabel("Host").fill("127.0.0.1");
  await form.getByLabel("Port").fill("5432");
  await form.getByLabel("Username").fill("postgres");
  await form.getByLabel("Database").fill("bobbin_no_such_db_x");
  await form.getByLabel("Password").fill("Dest-Pa55word!q9");
  await form.getByRole("button", { name: "Add destination" }).click();
  await expect(form.getByRole("status")).toHaveText("The destination is saved.");
  await expect(form.getByLabel(/^Password/)).toHaveValue("");
  await form.getByRole("button", { name: "Check the connection" }).click();
  await expect(form.getByRole("alert")).toContainText("Connection check failed:");
  await expect(form.getByRole("alert")).toContainText("bobbin_no_such_db_x");
  await expectNoViolations(page, "the destination page with a failed check");

  // A new database needs the password again (the stored one never follows a changed connection).
  await form.getByLabel("Database").fill(destDb);
  await form.getByLabel(/^Password/).fill("Dest-Pa55word!q9");
  await form.getByRole("button", { name: "Save destination" }).click();
  await expect(form.getByRole("status")).toHaveText("The destination is saved.");
  await form.getByRole("button", { name: "Check the connection" }).click();
  await expect(form.getByRole("status")).toHaveText("Connection check succeeded.");
  const [destination] = (await (await api.get("/v4/destinations")).json()) as { properties: Record<string, string> }[];
  expect(destination.properties).toEqual({ host: "127.0.0.1", port: "5432", username: "postgres", database: destDb, ssl: "false", status: "1" });
  const source = await (await api.get(`/v4/sources/${sourceId}`)).json();
  await expect(page.getByRole("link", { name: source.display_name })).toBeVisible();
  await expectNoViolations(page, "the destination page");
});

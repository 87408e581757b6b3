// Reflow (WCAG 1.4.10, as at 400 % zoom): every page at 320 CSS px is no wider than the viewport, and each row's
// actions button, the dialogs and their buttons lie within it. Long names and a failed run's long error included.
import { expect, test, createAccount, createKey, signIn } from "../support/fixtures";
import { apiAs } from "../support/api";
import { discoveredSource } from "../support/source-servers";
import { expectNoSidewaysScroll, expectWithinWidth } from "./layout";

test.use({ viewport: { width: 320, height: 640 }, isMobile: false, hasTouch: false });
test.describe.configure({ timeout: 90_000 });

test("every page at 320 px: no sideways scroll, every row's actions button in view", async ({ page, request, db, sourceDatabase }) => {
  await page.goto("/login");
  await expectNoSidewaysScroll(page, "/login");
  await page.goto("/invite/not-a-real-token");
  await expectNoSidewaysScroll(page, "an invalid invitation");

  const account = await createAccount(db, { members: 2, name: "Northwind Traders International Logistics Holdings" });
  const { plaintext, key } = await createKey(db, account, 0, "Nightly loader for the warehouse, with a description long enough to wrap twice");
  await createKey(db, account, 1, "Second");
  await db.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: new Date(Date.now() - 3 * 60_000) } });
  const api = apiAs(request, plaintext);
  const sourceId = await discoveredSource(api, sourceDatabase);
  const table = `${sourceDatabase}-public-customers`;
  const selected = await api.put(`/v4/sources/${sourceId}/streams/metadata`, {
    streams: [{ tap_stream_id: table, metadata: [{ breadcrumb: [], metadata: { selected: true, "replication-method": "FULL_TABLE" } }] }],
  });
  expect(selected.status()).toBe(200);
  // A finished run as the worker records it, with a long error: the history table's widest row.
  await db.replicationJob.create({
    data: {
      accountId: account.id, sourceId, jobName: `layout.${sourceId}.${Date.now()}`, status: "failed", actorLabel: "layout check",
      startedAt: new Date(Date.now() - 60_000), completedAt: new Date(), rows: 1234567, tapExitStatus: 1,
      tapDescription: "could not connect to server: Connection refused. Is the server running on host \"warehouse-primary.internal.example\" and accepting TCP/IP connections on port 5432?",
    },
  });

  await signIn(page, account.emails[0]);
  const at = (path: string) => page.goto(`/${account.slug}${path}`);
  for (const path of ["/settings/profile", "/settings/destination", "/settings/activity", "/sources", "/sources/new"]) {
    await at(path);
    await expectNoSidewaysScroll(page, path);
  }

  await at("/settings/account");
  await expectNoSidewaysScroll(page, "/settings/account");
  for (const button of await page.getByRole("button", { name: /^Actions for key ending / }).all()) {
    await expectWithinWidth(page, button, "a key's actions button");
  }
  await page.getByRole("button", { name: "Generate a Key" }).click();
  const configure = page.getByRole("dialog", { name: "Configure Your API Access Key" });
  await expectWithinWidth(page, configure.getByRole("button", { name: "Save and Generate Key" }), "Save and Generate Key");
  await configure.getByLabel("Key Description").fill("Reflow");
  await configure.getByRole("button", { name: "Save and Generate Key" }).click();
  const reveal = page.getByRole("dialog", { name: "Your new API access key" });
  await expectWithinWidth(page, reveal, "the reveal dialog");
  await expectWithinWidth(page, reveal.getByRole("button", { name: "Copy" }), "Copy");
  await expectNoSidewaysScroll(page, "the reveal dialog");
  await reveal.getByRole("button", { name: "Close and Continue" }).click();
  await page.getByRole("button", { name: `Actions for key ending ${key.last4}` }).click();
  await page.getByRole("menuitem", { name: "Delete this key" }).click();
  const confirm = page.getByRole("dialog", { name: "Delete this key?" });
  await expectWithinWidth(page, confirm, "the delete confirmation");
  await expectWithinWidth(page, confirm.getByRole("button", { name: "Cancel" }), "Cancel");
  await expectWithinWidth(page, confirm.getByRole("button", { name: "Delete", exact: true }), "Delete");
  await confirm.getByRole("button", { name: "Cancel" }).click();
  for (const [item, title, button] of [["Roll this key", "Roll this key", "Roll Key"], ["Edit this key", "Edit this key", "Save Changes"]]) {
    await page.getByRole("button", { name: `Actions for key ending ${key.last4}` }).click();
    await page.getByRole("menuitem", { name: item }).click();
    const dialog = page.getByRole("dialog", { name: title });
    await expectWithinWidth(page, dialog, `the "${title}" dialog`);
    await expectWithinWidth(page, dialog.getByRole("button", { name: button }), button);
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
  }
  await at(`/settings/account/keys/${key.id}`);
  await expectNoSidewaysScroll(page, "a key's usage page");

  await at("/settings/team");
  await page.getByLabel("Email").fill(`a-rather-long-address-${Date.now()}@subdomain.example.test`);
  await page.getByRole("button", { name: "Create invitation" }).click();
  await expect(page.getByLabel(/Invitation link/)).toBeVisible();
  await expectNoSidewaysScroll(page, "/settings/team");
  for (const button of await page.getByRole("button", { name: /^(Remove|Revoke the invitation of) / }).all()) {
    await expectWithinWidth(page, button, "a member's or invitation's button");
  }
  await expectWithinWidth(page, page.getByRole("combobox", { name: `Role of ${account.emails[1]}` }), "a member's role");

  await page.goto(`/${account.slug}/sources/${sourceId}`);
  await expect(page.getByRole("region", { name: "Replication" })).toContainText("Connection refused");
  await page.getByText("Edit connection details").click();
  await expectNoSidewaysScroll(page, "/sources/[id]");
  await expectWithinWidth(page, page.getByRole("combobox", { name: "Replication method of customers" }), "a table's replication method");
  await expectWithinWidth(page, page.getByRole("link", { name: /^Log of the run started / }), "a run's log link");
  await page.getByRole("button", { name: "Delete this source" }).click();
  await expectWithinWidth(page, page.getByRole("dialog", { name: "Delete this source?" }), "the delete-source confirmation");
});

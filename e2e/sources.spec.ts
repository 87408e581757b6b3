// Sources in the browser: add a PostgreSQL source, wait for discovery, pick a table and columns, read it back by API.
import { expect, test, createAccount, createKey, signIn } from "./support/fixtures";
import { apiAs } from "./support/api";
import { SOURCE_PASSWORD, discoveredSource, passwordRefusingServer } from "./support/source-servers";

test("a member adds a source, selects a table and two columns, and the API reads the same selection", async ({ page, request, db, sourceDatabase }) => {
  const account = await createAccount(db);
  await signIn(page, account.emails[0]);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sources" }).click();
  await expect(page.getByRole("heading", { name: "Sources", level: 1 })).toBeVisible();
  await expect(page.getByText("No sources yet.")).toBeVisible();
  await page.getByRole("link", { name: "Add a PostgreSQL source" }).click();

  await page.getByLabel("Display name").fill("Shop DB");
  await page.getByLabel("Host", { exact: true }).fill("127.0.0.1");
  await page.getByLabel("Port", { exact: true }).fill("5432");
  await page.getByLabel("Database", { exact: true }).fill(sourceDatabase);
  await page.getByLabel("User", { exact: true }).fill("postgres");
  await page.getByLabel("Password", { exact: true }).fill(SOURCE_PASSWORD);
  await expect(page.getByLabel("Password", { exact: true })).toHaveAttribute("type", "password");
  await page.getByRole("button", { name: "Save and check the connection" }).click();

  await expect(page.getByRole("heading", { name: "Shop DB", level: 1 })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Last check" })).toContainText("Succeeded", { timeout: 20_000 });
  await expect(page.locator("body")).not.toContainText(SOURCE_PASSWORD);
  expect(await page.content()).not.toContain(SOURCE_PASSWORD);

  await expect(page.getByRole("checkbox", { name: "Replicate column id of customers" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Replicate column id of customers" })).toBeDisabled();
  const location = page.getByRole("checkbox", { name: "Replicate column location of customers" });
  await expect(location).toBeDisabled();
  await expect(location).toHaveAccessibleDescription("This type cannot be replicated.");

  // A column without its table: refused with the API's message, nothing saved.
  await page.getByRole("checkbox", { name: "Replicate column email of customers" }).check();
  await page.getByRole("button", { name: "Save selection" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Select the stream" })).toContainText(/Select the stream .*-public-customers before its fields \(email\)\./);

  await page.getByRole("checkbox", { name: "Replicate table customers" }).check();
  await page.getByRole("checkbox", { name: "Replicate column name of customers" }).check();
  // Key-based incremental replication without a key: the API's message, nothing saved.
  await page.getByRole("combobox", { name: "Replication method of customers" }).selectOption("INCREMENTAL");
  await page.getByRole("button", { name: "Save selection" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "INCREMENTAL" })).toContainText(/INCREMENTAL replication of .*-public-customers needs a replication-key that is one of its columns\./);
  await expect(page.getByRole("combobox", { name: "Replication key of customers" }).getByRole("option")).not.toContainText(["location"]);
  await page.getByRole("combobox", { name: "Replication key of customers" }).selectOption("id");
  await page.getByRole("button", { name: "Save selection" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Selection saved." })).toBeVisible();

  const api = apiAs(request, (await createKey(db, account)).plaintext);
  const [source] = await (await api.get("/v4/sources")).json();
  expect(source).toMatchObject({ display_name: "Shop DB", report_card: { current_step_type: "fully_configured" } });
  expect(source.properties).not.toHaveProperty("password");
  const streams: { stream_id: number; stream_name: string; selected: boolean }[] = await (await api.get(`/v4/sources/${source.id}/streams`)).json();
  expect(streams.filter((s) => s.selected).map((s) => s.stream_name)).toEqual(["customers"]);
  const detail = await (await api.get(`/v4/sources/${source.id}/streams/${streams.find((s) => s.stream_name === "customers")!.stream_id}`)).json();
  const selected = detail.metadata.filter((m: { breadcrumb: string[]; metadata: { selected?: boolean } }) => m.breadcrumb.length === 2 && m.metadata.selected).map((m: { breadcrumb: string[] }) => m.breadcrumb[1]);
  expect(selected.sort()).toEqual(["email", "id", "name"]);
  expect(detail.metadata.find((m: { breadcrumb: string[] }) => m.breadcrumb.length === 0).metadata).toMatchObject({ selected: true, "replication-method": "INCREMENTAL", "replication-key": "id" });

  await page.getByRole("link", { name: "Sources" }).first().click();
  const row = page.getByRole("row", { name: /Shop DB/ });
  await expect(row).toContainText("Active");
  await expect(row).toContainText("Succeeded");
  // Cells after the name: type, status, last check, selected tables, last run, next run.
  await expect(row.getByRole("cell").nth(3)).toHaveText("1");
});

test("another account's source and an unknown id show the not-found page", async ({ page, db, request, sourceDatabase }) => {
  const owner = await createAccount(db);
  const ownerApi = apiAs(request, (await createKey(db, owner)).plaintext);
  const created = await (await ownerApi.post("/v4/sources", { display_name: "Private", type: "platform.postgres", properties: { host: "127.0.0.1", dbname: sourceDatabase } })).json();

  const stranger = await createAccount(db);
  await signIn(page, stranger.emails[0]);
  for (const path of [`/sources/${created.id}`, "/sources/999999999", "/sources/abc"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(page.getByText("Private")).toHaveCount(0);
  }
});

test("the add form refuses missing fields and says which", async ({ page, db }) => {
  const account = await createAccount(db);
  await signIn(page, account.emails[0], undefined, `/${account.slug}/sources/new`);
  await page.getByLabel("Display name").fill("Half");
  await page.getByLabel("Port", { exact: true }).fill("99999");
  await page.getByRole("button", { name: "Save and check the connection" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "highlighted" })).toHaveText("Check the highlighted fields.");
  await expect(page.getByLabel("Host", { exact: true })).toHaveAccessibleDescription(/Enter the host\./);
  await expect(page.getByLabel("Port", { exact: true })).toHaveAccessibleDescription("Enter a port between 1 and 65535.");
  await expect(page.getByLabel("Password", { exact: true })).toHaveAttribute("aria-invalid", "true");
  expect(await db.source.count({ where: { accountId: account.id } })).toBe(0);
});

test("a source whose check failed is edited in the page: new details check again, an empty password keeps the stored one", async ({ page, db, sourceDatabase }) => {
  const account = await createAccount(db);
  const refusing = await passwordRefusingServer();
  try {
    await signIn(page, account.emails[0], undefined, `/${account.slug}/sources/new`);
    await page.getByLabel("Display name").fill("Warehouse");
    await page.getByLabel("Host", { exact: true }).fill("127.0.0.1");
    await page.getByLabel("Port", { exact: true }).fill(String(refusing.port));
    await page.getByLabel("Database", { exact: true }).fill(sourceDatabase);
    await page.getByLabel("User", { exact: true }).fill("postgres");
    await page.getByLabel("Password", { exact: true }).fill("wrong-password");
    await page.getByRole("button", { name: "Save and check the connection" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Last check" })).toContainText("Failed", { timeout: 20_000 });
    await expect(page.getByText(/The database refused the connection: authentication failed: the server refused user "postgres"/)).toBeVisible();

    // The failed check leaves the edit form open, filled with the stored details but never the password.
    const edit = page.locator("details").filter({ hasText: "Edit connection details" });
    await expect(edit.getByLabel("Port", { exact: true })).toHaveValue(String(refusing.port));
    await expect(edit.getByLabel("Password (optional)")).toHaveValue("");
    await expect(edit.getByLabel("Password (optional)")).toHaveAccessibleDescription(/Leave empty to keep the stored password\./);
    // A new port (or host, user, database) makes the password required: the stored one never follows it.
    await edit.getByLabel("Port", { exact: true }).fill("5432");
    await expect(edit.getByLabel("Password", { exact: true })).toHaveAccessibleDescription(/Required: the connection changed/);
    await edit.getByLabel("Password", { exact: true }).fill(SOURCE_PASSWORD);
    await edit.getByRole("button", { name: "Save and check again" }).click();
    await expect(edit.getByRole("status")).toHaveText("Saved. The connection check has started.");
    await expect(edit.getByLabel("Password (optional)")).toHaveValue("");
    await expect(page.getByRole("status").filter({ hasText: "Last check" })).toContainText("Succeeded", { timeout: 20_000 });
    await expect(page.getByRole("checkbox", { name: "Replicate table customers" })).toBeVisible();
    expect(await page.content()).not.toContain(SOURCE_PASSWORD);

    const sealed = async () => JSON.parse((await db.source.findFirstOrThrow({ where: { accountId: account.id } })).secrets).password as string;
    const stored = await sealed();
    expect(stored).not.toContain(SOURCE_PASSWORD);
    await edit.getByLabel("Display name").fill("Warehouse (prod)");
    await edit.getByRole("button", { name: "Save and check again" }).click();
    await expect(page.getByRole("heading", { name: "Warehouse (prod)", level: 1 })).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: "Last check" })).toContainText("Succeeded", { timeout: 20_000 });
    expect(await sealed()).toBe(stored);

    // Pointing the source elsewhere without the password is refused at the field; nothing changes, nothing is sent.
    await edit.getByLabel("Host", { exact: true }).fill("localhost");
    await edit.getByRole("button", { name: "Save and check again" }).click();
    await expect(edit.getByLabel("Password", { exact: true })).toHaveAccessibleDescription(/Give the password again: host changed/);
    expect(JSON.parse((await db.source.findFirstOrThrow({ where: { accountId: account.id } })).properties).host).toBe("127.0.0.1");
    expect(await sealed()).toBe(stored);
    await edit.getByLabel("Host", { exact: true }).fill("127.0.0.1");
    await expect(edit.getByLabel("Password (optional)")).toHaveValue("");

    // Bad input at the fields; nothing changes.
    await edit.getByLabel("Host", { exact: true }).fill("");
    await edit.getByRole("button", { name: "Save and check again" }).click();
    await expect(edit.getByLabel("Host", { exact: true })).toHaveAccessibleDescription(/Enter the host\./);
    expect(JSON.parse((await db.source.findFirstOrThrow({ where: { accountId: account.id } })).properties).host).toBe("127.0.0.1");
  } finally {
    refusing.close();
  }
});

test("a member pauses, resumes and (after a confirmation) deletes a source; the API sees each change", async ({ page, request, db, sourceDatabase }) => {
  const account = await createAccount(db);
  const api = apiAs(request, (await createKey(db, account)).plaintext);
  const id = await discoveredSource(api, sourceDatabase);
  const read = async () => (await api.get(`/v4/sources/${id}`)).json();
  await signIn(page, account.emails[0], undefined, `/${account.slug}/sources/${id}`);
  const summary = page.getByText(/^PostgreSQL · /);

  await page.getByRole("button", { name: "Pause this source" }).click();
  await expect(page.getByRole("status").filter({ hasText: "paused" })).toHaveText("The source is paused.");
  await expect(summary).toContainText("Paused");
  expect((await read()).paused_at).not.toBeNull();
  await page.getByRole("button", { name: "Resume this source" }).click();
  await expect(summary).toContainText("Active");
  expect((await read()).paused_at).toBeNull();

  // Cancel keeps it; focus goes back to the button.
  await page.getByRole("button", { name: "Delete this source" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete this source?" });
  await expect(dialog).toContainText(`The source “Source ${sourceDatabase}” stops replicating`);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("button", { name: "Delete this source" })).toBeFocused();
  expect((await read()).deleted_at).toBeNull();

  await page.getByRole("button", { name: "Delete this source" }).click();
  await dialog.getByRole("button", { name: "Delete" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: "deleted" })).toHaveText("The source is deleted.");
  await expect(summary).toContainText("Deleted");
  await expect(page.getByRole("button", { name: /Pause this source|Delete this source/ })).toHaveCount(0);
  await expect(page.getByText("Edit connection details")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Check the connection again" })).toBeDisabled();
  await expect(page.getByRole("checkbox", { name: "Replicate table customers" })).toBeDisabled();
  await expect(page.getByRole("checkbox", { name: "Replicate column name of customers" })).toBeDisabled();
  await expect(page.getByRole("combobox", { name: "Replication method of customers" })).toBeDisabled();
  await expect(page.getByRole("button", { name: "Save selection" })).toHaveCount(0);
  await expect(page.getByText("The source is deleted: its selection can no longer change.")).toBeVisible();
  expect((await read()).deleted_at).not.toBeNull();

  await page.getByRole("link", { name: "Sources" }).first().click();
  await expect(page.getByRole("row", { name: new RegExp(`Source ${sourceDatabase}`) })).toContainText("Deleted");
});

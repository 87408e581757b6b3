// Sources, source types and destinations over HTTP: shapes, status codes, pausing, soft deletes, secrets, isolation.
import { sourceSchema, destinationSchema, sourceTypeSchema } from "../lib/validation/connect";
import { expect, test, createAccount, createKey } from "./support/fixtures";
import { apiAs, errorOf, POSTGRES_SOURCE, type Api } from "./support/api";
import type { Db } from "../lib/db/factory";

const PASSWORD = POSTGRES_SOURCE.properties.password;

async function keyFor(db: Db) {
  return (await createKey(db, await createAccount(db))).plaintext;
}

async function createSourceVia(api: Api, body: object = POSTGRES_SOURCE) {
  const response = await api.post("/v4/sources", body);
  expect(response.status()).toBe(200);
  return sourceSchema.parse(await response.json());
}

test("create, read, pause, unpause and soft-delete a source", async ({ request, db }) => {
  const api = apiAs(request, await keyFor(db));
  const created = await createSourceVia(api);
  expect(created).toMatchObject({ display_name: "Orders DB", name: "orders_db", type: "platform.postgres", paused_at: null, deleted_at: null });
  expect(created.properties).toEqual({ host: "127.0.0.1", port: "1", dbname: "orders", user: "reader" });
  expect(created.report_card.current_step_type).toBe("discover_schema");
  expect(created.check_job_name).toMatch(/\.check\./);
  expect(JSON.stringify(created)).not.toContain(PASSWORD);

  // The same display name gets the next free name.
  expect((await createSourceVia(api)).name).toBe("orders_db_2");

  const paused = await api.put(`/v4/sources/${created.id}`, { paused_at: "2020-01-01T00:00:00Z" });
  expect(paused.status()).toBe(200);
  const pausedAt = Date.parse(sourceSchema.parse(await paused.json()).paused_at!);
  expect(Date.now() - pausedAt).toBeLessThan(60_000);
  const unpaused = sourceSchema.parse(await (await api.put(`/v4/sources/${created.id}`, { paused_at: null })).json());
  expect(unpaused.paused_at).toBeNull();

  const renamed = sourceSchema.parse(await (await api.put(`/v4/sources/${created.id}`, { display_name: "Orders (EU)", properties: { host: "db.internal", password: PASSWORD } })).json());
  expect(renamed).toMatchObject({ display_name: "Orders (EU)", name: "orders_db" });
  expect(renamed.properties.host).toBe("db.internal");

  const deleted = await api.delete(`/v4/sources/${created.id}`);
  expect(deleted.status()).toBe(200);
  const deletedAt = sourceSchema.parse(await deleted.json()).deleted_at;
  expect(deletedAt).not.toBeNull();
  const fetched = sourceSchema.parse(await (await api.get(`/v4/sources/${created.id}`)).json());
  expect(fetched.deleted_at).toBe(deletedAt);
  const listed = (await (await api.get("/v4/sources")).json()) as { id: number; deleted_at: string | null }[];
  expect(listed.map((s) => s.id)).toContain(created.id);
  const edit = await api.put(`/v4/sources/${created.id}`, { display_name: "Too late" });
  expect(edit.status()).toBe(400);
  expect((await errorOf(edit)).message).toMatch(/deleted/);
});

test("a source with an incomplete form waits at the form step; secrets are write-only", async ({ request, db }) => {
  const api = apiAs(request, await keyFor(db));
  const partial = await createSourceVia(api, { display_name: "Half done", type: "platform.postgres", properties: { host: "h" } });
  expect(partial.report_card.current_step_type).toBe("form");
  expect(partial.check_job_name).toBeNull();
  const form = partial.report_card.steps.find((s) => s.type === "form")!;
  expect(form.properties.find((p) => p.name === "password")).toMatchObject({ is_credential: true, provided: false });
  const completed = sourceSchema.parse(
    await (await api.put(`/v4/sources/${partial.id}`, { properties: { port: "5432", dbname: "d", user: "u", password: PASSWORD } })).json(),
  );
  expect(completed.report_card.current_step_type).toBe("discover_schema");
  expect(completed.report_card.steps[0].properties.find((p) => p.name === "password")!.provided).toBe(true);
  for (const path of ["/v4/sources", `/v4/sources/${partial.id}`]) expect(await (await api.get(path)).text()).not.toContain(PASSWORD);
  const row = await db.source.findUniqueOrThrow({ where: { id: partial.id } });
  expect(JSON.stringify(row)).not.toContain(PASSWORD);
});

test("source types: the catalogue and one type", async ({ request, db }) => {
  const api = apiAs(request, await keyFor(db));
  const all = sourceTypeSchema.array().parse(await (await api.get("/v4/source-types")).json());
  expect(all.map((t) => t.type)).toContain("platform.postgres");
  const postgres = sourceTypeSchema.parse(await (await api.get("/v4/source-types/platform.postgres")).json());
  expect(postgres.steps.map((s) => s.type)).toEqual(["form", "discover_schema", "field_selection", "fully_configured"]);
  expect(postgres.steps[0].properties.map((p) => p.name)).toEqual([
    "host", "port", "dbname", "user", "password", "ssl", "sslrootcert", "filter_schemas", "filter_dbs", "include_schemas_in_destination_stream_name",
    "use_log_based_replication", "ssh", "ssh_host", "ssh_port", "ssh_user", "frequency_in_minutes", "anchor_time", "cron_expression",
  ]);
  expect(postgres.details).toEqual({ pricing_tier: "standard", pipeline_state: "released", default_start_date: null, default_scheduling_interval: 30, protocol: "platform.postgres", access: true });
  expect(all.map((t) => t.type)).toContain("platform.hp-postgres");
  expect((await api.get("/v4/source-types/platform.nope")).status()).toBe(404);
});

test("destinations: create, update (type fixed), delete", async ({ request, db }) => {
  const api = apiAs(request, await keyFor(db));
  // Exactly as the original's example sends it: port a string, ssl a boolean.
  const properties = { host: "warehouse", port: "5432", username: "loader", database: "dw", password: PASSWORD, ssl: false };
  const created = await api.post("/v4/destinations", { type: "postgres", properties, name: "Warehouse" });
  expect(created.status()).toBe(200);
  const destination = destinationSchema.parse(await created.json());
  expect(destination.properties).toEqual({ host: "warehouse", port: "5432", username: "loader", database: "dw", ssl: "false", status: "1" });
  // A new user needs the password again (our deviation from the original's example, which sends the user alone).
  const refused = await api.put(`/v4/destinations/${destination.id}`, { properties: { username: "stitch_admin" } });
  expect(refused.status()).toBe(400);
  expect((await errorOf(refused)).fields).toMatchObject({ "properties.password": expect.any(String) });
  const merged = destinationSchema.parse(await (await api.put(`/v4/destinations/${destination.id}`, { properties: { username: "stitch_admin", password: PASSWORD } })).json());
  expect(merged.properties).toEqual({ host: "warehouse", port: "5432", username: "stitch_admin", database: "dw", ssl: "false", status: "1" });

  const missing = await api.post("/v4/destinations", { type: "postgres", properties: { host: "x" } });
  expect(missing.status()).toBe(400);
  expect((await errorOf(missing)).fields).toMatchObject({ "properties.password": "Required." });

  const retype = await api.put(`/v4/destinations/${destination.id}`, { type: "snowflake" });
  expect(retype.status()).toBe(400);
  expect((await errorOf(retype)).type).toBe("InvalidProperties");
  const updated = destinationSchema.parse(await (await api.put(`/v4/destinations/${destination.id}`, { description: "Main DW" })).json());
  expect(updated.description).toBe("Main DW");
  expect(await (await api.get("/v4/destinations")).text()).not.toContain(PASSWORD);

  const gone = await api.delete(`/v4/destinations/${destination.id}`);
  expect(gone.status()).toBe(200);
  expect(await gone.json()).toEqual({});
  expect((await api.get(`/v4/destinations/${destination.id}`)).status()).toBe(404);
});

test("bad bodies get a 400 in the one error shape and change nothing", async ({ request, db }) => {
  const key = await keyFor(db);
  const api = apiAs(request, key);
  const send = (body: string, contentType = "application/json") =>
    request.post("/v4/sources", { headers: { Authorization: `Bearer ${key}`, "Content-Type": contentType }, data: body });
  const cases: [Promise<import("@playwright/test").APIResponse>, string][] = [
    [send("{not json"), "InvalidBody"],
    [send(""), "InvalidBody"],
    [send(JSON.stringify(POSTGRES_SOURCE), "text/plain"), "UnsupportedMediaType"],
    [send(JSON.stringify({ ...POSTGRES_SOURCE, display_name: "x".repeat(70_000) })), "PayloadTooLarge"],
    [send(JSON.stringify({ ...POSTGRES_SOURCE, colour: "red" })), "InvalidBody"],
    [send(JSON.stringify({ ...POSTGRES_SOURCE, type: "platform.nope" })), "InvalidProperties"],
    [send(JSON.stringify({ ...POSTGRES_SOURCE, properties: { port: "99999" } })), "InvalidProperties"],
    [send(JSON.stringify({ ...POSTGRES_SOURCE, properties: { warp: "9" } })), "InvalidProperties"],
    [send(JSON.stringify({ ...POSTGRES_SOURCE, display_name: "a\u0000b" })), "InvalidBody"],
    [send("[]"), "InvalidBody"],
  ];
  for (const [pending, type] of cases) {
    const response = await pending;
    expect(response.status(), type).toBe(400);
    expect((await errorOf(response)).type).toBe(type);
  }
  const unknownField = await (await send(JSON.stringify({ ...POSTGRES_SOURCE, colour: "red" }))).json();
  expect(unknownField.error.fields.body).toMatch(/colour/);
  expect((await api.get("/v4/sources/abc")).status()).toBe(400);
  const patch = await request.fetch("/v4/sources", { method: "PATCH", headers: { Authorization: `Bearer ${key}` } });
  expect(patch.status()).toBe(405);
  expect(patch.headers()["allow"]).toBe("GET, POST");
  expect((await errorOf(patch)).type).toBe("MethodNotAllowed");
  expect(await (await api.get("/v4/sources")).json()).toEqual([]);
});

test("another account's sources and destinations answer 404 to every verb, like missing ones", async ({ request, db }) => {
  const owner = apiAs(request, await keyFor(db));
  const stranger = apiAs(request, await keyFor(db));
  const source = await createSourceVia(owner);
  const destination = destinationSchema.parse(
    await (await owner.post("/v4/destinations", { type: "postgres", properties: { host: "h", port: "5432", username: "u", database: "d", password: "p", ssl: false } })).json(),
  );
  const missing = 2_000_000_000;
  for (const [path, body] of [
    [`/v4/sources/${source.id}`, { display_name: "Mine now" }],
    [`/v4/destinations/${destination.id}`, { name: "Mine now" }],
  ] as const) {
    for (const target of [path, path.replace(/\d+$/, String(missing))]) {
      for (const response of [await stranger.get(target), await stranger.put(target, body), await stranger.delete(target)]) {
        expect(response.status()).toBe(404);
        expect((await errorOf(response)).type).toBe("NotFound");
      }
    }
  }
  expect(await (await stranger.get("/v4/sources")).json()).toEqual([]);
  expect(await (await stranger.get("/v4/destinations")).json()).toEqual([]);
  // The owner's data did not change.
  const after = sourceSchema.parse(await (await owner.get(`/v4/sources/${source.id}`)).json());
  expect(after).toMatchObject({ display_name: source.display_name, deleted_at: null });
  expect((await owner.get(`/v4/destinations/${destination.id}`)).status()).toBe(200);
});

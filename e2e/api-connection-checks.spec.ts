// Failing connection checks, manual re-checks and other accounts' ids, over HTTP.
import { expect, test, createAccount, createKey } from "./support/fixtures";
import { apiAs, errorOf, type Api } from "./support/api";
import { SOURCE_PASSWORD, discoveredSource, passwordRefusingServer, realSource, waitForCheck } from "./support/source-servers";

async function failedSource(api: Api, database: string, port: number) {
  const created = await (await api.post("/v4/sources", realSource(database, { port: String(port) }))).json();
  const check = await waitForCheck(api, created.id, created.check_job_name);
  expect(check).toMatchObject({ status: "failed", check_exit_status: 1, discovery_exit_status: null });
  expect(check.error).toBe(true);
  expect(check.discovery_error_message).not.toContain(SOURCE_PASSWORD);
  return { id: created.id as number, error: check.discovery_error_message! };
}

test("a wrong password and an unreachable port fail the check cleanly; the source stays editable", async ({ request, db, sourceDatabase }) => {
  const api = apiAs(request, (await createKey(db, await createAccount(db))).plaintext);
  const server = await passwordRefusingServer();
  try {
    const wrong = await failedSource(api, sourceDatabase, server.port);
    expect(wrong.error).toBe('authentication failed: the server refused user "postgres" or its password.');
  } finally {
    server.close();
  }
  const closed = await failedSource(api, sourceDatabase, 1);
  expect(closed.error).toMatch(/^could not connect: /);
  expect(closed.error).not.toMatch(/127\.0\.0\.1|ECONNREFUSED/);

  const source = await (await api.get(`/v4/sources/${closed.id}`)).json();
  expect(source.report_card.current_step_type).toBe("discover_schema");
  expect(JSON.stringify(source)).not.toContain(SOURCE_PASSWORD);
  const early = await api.put(`/v4/sources/${closed.id}/streams/metadata`, { streams: [] });
  expect(early.status()).toBe(400);
  expect((await errorOf(early)).message).toMatch(/once discovery has succeeded; this source is at the "discover_schema" step/);

  // A new port without the password: refused, naming the field (the stored password never follows a change).
  const bare = await api.put(`/v4/sources/${closed.id}`, { properties: { port: "5432" } });
  expect(bare.status()).toBe(400);
  expect((await errorOf(bare)).fields).toMatchObject({ "properties.password": expect.stringMatching(/^Give the password again: port changed/) });
  const fixed = await api.put(`/v4/sources/${closed.id}`, { properties: { port: "5432", password: SOURCE_PASSWORD } });
  expect(fixed.status()).toBe(200);
  expect(await waitForCheck(api, closed.id, (await fixed.json()).check_job_name)).toMatchObject({ status: "succeeded" });
  expect((await (await api.get(`/v4/sources/${closed.id}`)).json()).report_card.current_step_type).toBe("field_selection");
});

test("a source whose form is incomplete has no check and cannot be checked", async ({ request, db }) => {
  const api = apiAs(request, (await createKey(db, await createAccount(db))).plaintext);
  const source = await (await api.post("/v4/sources", { display_name: "Half done", type: "platform.postgres", properties: { host: "127.0.0.1" } })).json();
  expect(source).toMatchObject({ check_job_name: null, report_card: { current_step_type: "form" } });
  expect((await api.get(`/v4/sources/${source.id}/last-connection-check`)).status()).toBe(404);
  const check = await api.post(`/v4/sources/${source.id}/check`, {});
  expect(check.status()).toBe(400);
  expect((await errorOf(check)).message).toMatch(/Fill in every required property/);
});

test("another account's sources and streams answer 404 exactly like missing ones", async ({ request, db, sourceDatabase }) => {
  const owner = apiAs(request, (await createKey(db, await createAccount(db))).plaintext);
  const sourceId = await discoveredSource(owner, sourceDatabase);
  const streams = await (await owner.get(`/v4/sources/${sourceId}/streams`)).json();
  const streamId = streams[0].stream_id;

  const other = apiAs(request, (await createKey(db, await createAccount(db))).plaintext);
  const ownSource = await (await other.post("/v4/sources", { display_name: "Mine", type: "platform.postgres" })).json();
  const selection = { streams: [{ tap_stream_id: streams[0].tap_stream_id, metadata: [{ breadcrumb: [], metadata: { selected: true } }] }] };
  const calls = (id: number, stream = streamId) => [
    () => other.get(`/v4/sources/${id}/last-connection-check`),
    () => other.post(`/v4/sources/${id}/check`, {}),
    () => other.get(`/v4/sources/${id}/streams`),
    () => other.get(`/v4/sources/${id}/streams/${stream}`),
    () => other.put(`/v4/sources/${id}/streams/metadata`, selection),
  ];
  const missing = calls(2_000_000_000);
  const foreign = calls(sourceId);
  for (let i = 0; i < foreign.length; i++) {
    const [a, b] = [await foreign[i](), await missing[i]()];
    expect([a.status(), b.status()]).toEqual([404, 404]);
    expect(await errorOf(a)).toEqual(await errorOf(b));
  }
  // A stream of A's source through B's own source: 404 too.
  expect((await other.get(`/v4/sources/${ownSource.id}/streams/${streamId}`)).status()).toBe(404);
  // Nothing changed on A's side.
  expect((await (await owner.get(`/v4/sources/${sourceId}/streams`)).json()).every((s: { selected: boolean }) => !s.selected)).toBe(true);
  expect((await (await owner.get(`/v4/sources/${sourceId}/last-connection-check`)).json()).status).toBe("succeeded");
});

test("the OpenAPI document describes the stream endpoints and the selection body", async ({ request }) => {
  const doc = await (await request.get("/v4/openapi.json")).json();
  for (const path of ["last-connection-check", "check", "streams", "streams/{stream_id}", "streams/metadata"]) {
    expect(Object.keys(doc.paths)).toContain(`/v4/sources/{source_id}/${path}`);
  }
  expect(doc.paths["/v4/sources/{source_id}/streams/metadata"].put.requestBody.content["application/json"].schema).toEqual({ $ref: "#/components/schemas/StreamSelection" });
  expect(doc.components.schemas.StreamSelection.required).toEqual(["streams"]);
});

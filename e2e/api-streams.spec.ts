// Discovery and selection over HTTP, against a real PostgreSQL source database made by the test.
import { expect, test, createAccount, createKey } from "./support/fixtures";
import { apiAs, errorOf, type Api } from "./support/api";
import { discoveredSource, waitForCheck } from "./support/source-servers";

type Stream = { stream_id: number; stream_name: string; tap_stream_id: string; selected: boolean | null; metadata: Record<string, unknown> };
type Entry = { breadcrumb: string[]; metadata: Record<string, unknown> };

async function streamsOf(api: Api, sourceId: number): Promise<Map<string, Stream>> {
  const response = await api.get(`/v4/sources/${sourceId}/streams`);
  expect(response.status()).toBe(200);
  return new Map((await response.json()).map((s: Stream) => [s.stream_name, s]));
}

async function fieldsOf(api: Api, sourceId: number, streamId: number): Promise<Map<string, Record<string, unknown>>> {
  const detail = await (await api.get(`/v4/sources/${sourceId}/streams/${streamId}`)).json();
  return new Map(detail.metadata.filter((m: Entry) => m.breadcrumb.length === 2).map((m: Entry) => [m.breadcrumb[1], m.metadata]));
}

test("a new source is checked and discovered off the request; its streams are the tables and the view", async ({ request, db, sourceDatabase }) => {
  const api = apiAs(request, (await createKey(db, await createAccount(db))).plaintext);
  const sourceId = await discoveredSource(api, sourceDatabase);
  expect((await (await api.get(`/v4/sources/${sourceId}`)).json()).report_card.current_step_type).toBe("field_selection");

  const streams = await streamsOf(api, sourceId);
  expect([...streams.keys()].sort()).toEqual(["active_customers", "customers", "events", "order_lines", "sales-deals"]);
  // As the original: selected is null until the stream is first chosen.
  for (const s of streams.values()) expect(s).toMatchObject({ stream_id: expect.any(Number), selected: null, tap_stream_id: expect.stringContaining(`${sourceDatabase}-`), metadata: { selected: null } });
  expect(streams.get("customers")!.metadata).toMatchObject({
    "database-name": sourceDatabase, "schema-name": "public", "table-key-properties": ["id"], "is-view": false, "row-count": 25,
  });
  expect(streams.get("events")!.metadata["table-key-properties"]).toEqual([]);
  expect(streams.get("order_lines")!.metadata["table-key-properties"]).toEqual(["order_id", "line"]);
  expect(streams.get("active_customers")!.metadata["is-view"]).toBe(true);
  expect(streams.get("sales-deals")!).toMatchObject({ tap_stream_id: `${sourceDatabase}-sales-deals`, metadata: { "schema-name": "sales" } });

  const detail = await (await api.get(`/v4/sources/${sourceId}/streams/${streams.get("customers")!.stream_id}`)).json();
  expect(detail["non-discoverable-metadata-keys"]).toEqual(["selected", "replication-method", "replication-key"]);
  const schema = JSON.parse(detail.schema);
  expect(Object.keys(schema.properties).sort()).toEqual(["email", "id", "name", "tags", "updated_at"]);
  expect(schema.properties).toMatchObject({
    id: { type: ["integer"] },
    name: { type: ["string"] },
    email: { type: ["null", "string"] },
    updated_at: { type: ["null", "string"], format: "date-time" },
  });
  const fields = await fieldsOf(api, sourceId, streams.get("customers")!.stream_id);
  expect(fields.get("id")).toMatchObject({ inclusion: "automatic", selected: true });
  expect(fields.get("email")).toMatchObject({ inclusion: "available", "sql-datatype": "character varying(200)" });
  expect(fields.get("location")).toMatchObject({ inclusion: "unsupported", "sql-datatype": "point" });
});

test("filter_schemas limits discovery; changing it discovers again", async ({ request, db, sourceDatabase }) => {
  const api = apiAs(request, (await createKey(db, await createAccount(db))).plaintext);
  const sourceId = await discoveredSource(api, sourceDatabase, { filter_schemas: "sales" });
  expect([...(await streamsOf(api, sourceId)).keys()]).toEqual(["sales-deals"]);

  const updated = await (await api.put(`/v4/sources/${sourceId}`, { properties: { filter_schemas: "public, nope" } })).json();
  expect(await waitForCheck(api, sourceId, updated.check_job_name)).toMatchObject({ status: "succeeded" });
  expect([...(await streamsOf(api, sourceId)).keys()].sort()).toEqual(["active_customers", "customers", "events", "order_lines"]);
});

test("selection rules: each refusal names its path and changes nothing; a valid selection configures the source and survives re-discovery", async ({ request, db, sourceDatabase }) => {
  const api = apiAs(request, (await createKey(db, await createAccount(db))).plaintext);
  const sourceId = await discoveredSource(api, sourceDatabase);
  const customers = `${sourceDatabase}-public-customers`;
  const lines = `${sourceDatabase}-public-order_lines`;
  const put = (body: unknown) => api.put(`/v4/sources/${sourceId}/streams/metadata`, body);
  const one = (metadata: Entry[], tap = customers) => ({ streams: [{ tap_stream_id: tap, metadata }] });
  const top = (metadata: Record<string, unknown>): Entry => ({ breadcrumb: [], metadata });
  const col = (name: string, selected = true): Entry => ({ breadcrumb: ["properties", name], metadata: { selected } });

  async function refused(body: unknown, type: string, path: string, message: RegExp) {
    const response = await put(body);
    expect(response.status()).toBe(400);
    const error = await errorOf(response);
    expect(error.type).toBe(type);
    expect(error.fields?.[path]).toMatch(message);
  }
  await refused({}, "InvalidBody", "streams", /streams is required/);
  await refused({ streams: [{ tap_stream_id: customers, metadata: [{ breadcrumb: "x", metadata: {} }] }] }, "InvalidBody", "streams.0.metadata.0.breadcrumb", /./);
  await refused(one([], `${sourceDatabase}-public-nope`), "InvalidProperties", "streams.0.tap_stream_id", /Unknown tap_stream_id/);
  await refused(one([col("email")]), "InvalidProperties", "streams.0", /Select the stream .*customers before its fields \(email\)/);
  await refused(one([top({ selected: true }), col("location")]), "InvalidProperties", "streams.0.metadata.1", /cannot be replicated \(inclusion: unsupported\)/);
  await refused(one([top({ selected: true }), col("id", false)]), "InvalidProperties", "streams.0.metadata.1", /always replicated/);
  await refused(one([top({ "row-count": 1 })]), "InvalidProperties", "streams.0.metadata.0", /Discoverable metadata cannot be changed: row-count/);
  await refused(one([{ breadcrumb: ["properties", "email"], metadata: { inclusion: "automatic" } }]), "InvalidProperties", "streams.0.metadata.0", /Discoverable metadata cannot be changed: inclusion/);
  for (const key of [undefined, "nope", "location"]) {
    const metadata = { selected: true, "replication-method": "INCREMENTAL", ...(key ? { "replication-key": key } : {}) };
    await refused(one([top(metadata)]), "InvalidProperties", "streams.0", /INCREMENTAL replication of .* needs a replication-key/);
  }
  // One bad stream spoils the whole request: order_lines stays unselected.
  await refused({ streams: [one([top({ selected: true })], lines).streams[0], one([col("email")]).streams[0]] }, "InvalidProperties", "streams.1", /before its fields/);
  expect((await streamsOf(api, sourceId)).get("order_lines")!.selected).toBeNull();

  const ok = await put(one([top({ selected: true, "replication-method": "INCREMENTAL", "replication-key": "updated_at" }), col("email"), col("name")]));
  expect(ok.status()).toBe(200);
  expect(await ok.json()).toEqual({ status: 200 });
  expect((await (await api.get(`/v4/sources/${sourceId}`)).json()).report_card.current_step_type).toBe("fully_configured");

  const recheck = await api.post(`/v4/sources/${sourceId}/check`, {});
  expect(recheck.status()).toBe(200);
  const jobName = (await recheck.json()).check_job_name;
  expect(await waitForCheck(api, sourceId, jobName)).toMatchObject({ status: "succeeded" });
  const stream = (await streamsOf(api, sourceId)).get("customers")!;
  expect(stream).toMatchObject({ selected: true, metadata: { "replication-method": "INCREMENTAL", "replication-key": "updated_at", "row-count": 25 } });
  const fields = await fieldsOf(api, sourceId, stream.stream_id);
  expect([...fields].filter(([, m]) => m.selected === true).map(([name]) => name).sort()).toEqual(["email", "id", "name"]);
});

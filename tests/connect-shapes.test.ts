// The shapes the original's clients read, replayed through the real route handlers with a real key: requests as
// the original's documentation writes them, answers checked field by field (names, types, null, timestamps).
import { describe, expect, it } from "vitest";
import { DESTINATION_TYPES } from "@/lib/connect/integration-types";
import { connectionCheckSchema, destinationSchema, sourceSchema, sourceTypeSchema, streamSchemaSchema, streamSummarySchema } from "@/lib/validation/connect";
import { destinationTypeSchema } from "@/lib/validation/destination-types";
import { apiClient, apiDatabase } from "./helpers/api-routes";
import { createSourceDatabase, SOURCE_PG } from "./helpers/source-db";

const WIRE_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;
const PASSWORD = "Shapes-Pa55word!k3";

describe("Connect API shapes, over the route handlers", async () => {
  const db = await apiDatabase();
  const sources = await import("@/app/v4/sources/route");
  const source = await import("@/app/v4/sources/[source_id]/route");
  const lastCheck = await import("@/app/v4/sources/[source_id]/last-connection-check/route");
  const streams = await import("@/app/v4/sources/[source_id]/streams/route");
  const stream = await import("@/app/v4/sources/[source_id]/streams/[stream_id]/route");
  const metadata = await import("@/app/v4/sources/[source_id]/streams/metadata/route");
  const sourceTypes = await import("@/app/v4/source-types/route");
  const sourceType = await import("@/app/v4/source-types/[type]/route");
  const destinations = await import("@/app/v4/destinations/route");
  const destination = await import("@/app/v4/destinations/[destination_id]/route");
  const destinationTypes = await import("@/app/v4/destination-types/route");
  const destinationType = await import("@/app/v4/destination-types/[type]/route");
  const database = await createSourceDatabase();
  const connection = { host: SOURCE_PG.host, port: String(SOURCE_PG.port), dbname: database, user: SOURCE_PG.user, password: PASSWORD };

  async function checked(api: Awaited<ReturnType<typeof apiClient>>, id: number) {
    let answer = await api.send(lastCheck, "GET", `/v4/sources/${id}/last-connection-check`, { source_id: String(id) });
    await expect
      .poll(async () => {
        answer = await api.send(lastCheck, "GET", `/v4/sources/${id}/last-connection-check`, { source_id: String(id) });
        return answer.status === 200 ? answer.body.status : "none";
      }, { timeout: 15_000 })
      .not.toMatch(/running|none/);
    return answer.body;
  }

  it("last connection check: the original's object, error a boolean, times without milliseconds", async () => {
    const api = await apiClient(db);
    const created = await api.send(sources, "POST", "/v4/sources", {}, { display_name: "Shapes", type: "platform.postgres", properties: connection });
    expect(created.status).toBe(200);
    const check = await checked(api, created.body.id);
    expect(connectionCheckSchema.strict().parse(check)).toEqual({
      name: created.body.check_job_name,
      mode: "check",
      status: "succeeded",
      start_time: expect.stringMatching(WIRE_TIME),
      completion_time: expect.stringMatching(WIRE_TIME),
      error: false,
      check_exit_status: 0,
      discovery_exit_status: 0,
      discovery_error_message: null,
      tap_exit_status: null,
      tap_error_message: null,
      target_exit_status: null,
      target_error_message: null,
    });
    expect(check.name).toMatch(new RegExp(`^${api.accountId}\\.${created.body.id}\\.check\\.`));

    // A database that does not exist: error true, the message kept (discovery_error_message), no password.
    const broken = await api.send(sources, "POST", "/v4/sources", {}, { display_name: "Broken", type: "platform.postgres", properties: { ...connection, dbname: "no_such_db_shapes" } });
    const failed = await checked(api, broken.body.id);
    expect(failed).toMatchObject({ mode: "check", status: "failed", error: true, check_exit_status: 1, discovery_exit_status: null, completion_time: expect.stringMatching(WIRE_TIME) });
    expect(failed.discovery_error_message).toMatch(/no_such_db_shapes/);
    expect(JSON.stringify(failed)).not.toContain(PASSWORD);

    const other = await apiClient(db);
    expect((await other.send(lastCheck, "GET", "x", { source_id: String(created.body.id) })).status).toBe(404);
  });

  it("streams: selected is null until chosen; property types are lists, format where it applies", async () => {
    const api = await apiClient(db);
    const created = await api.send(sources, "POST", "/v4/sources", {}, { display_name: "Streams", type: "platform.postgres", properties: connection });
    const id = String(created.body.id);
    expect((await checked(api, created.body.id)).status).toBe("succeeded");

    const list = await api.send(streams, "GET", `/v4/sources/${id}/streams`, { source_id: id });
    expect(list.status).toBe(200);
    const all = streamSummarySchema.array().parse(list.body);
    for (const s of all) {
      expect(s.selected).toBeNull();
      expect(s.metadata.selected).toBeNull();
    }
    const customers = all.find((s) => s.stream_name === "customers")!;
    const detail = await api.send(stream, "GET", "x", { source_id: id, stream_id: String(customers.stream_id) });
    const schema = JSON.parse(streamSchemaSchema.parse(detail.body).schema);
    expect(schema.type).toBe("object");
    expect(schema.properties).toEqual({
      id: { type: ["integer"] },
      name: { type: ["string"] },
      email: { type: ["null", "string"] },
      updated_at: { type: ["null", "string"], format: "date-time" },
      tags: { type: ["null", "array"], items: { type: ["null", "string"] } },
    });
    const events = all.find((s) => s.stream_name === "events")!;
    const eventSchema = JSON.parse((await api.send(stream, "GET", "x", { source_id: id, stream_id: String(events.stream_id) })).body.schema);
    expect(eventSchema.properties.occurred_at).toEqual({ type: ["null", "string"], format: "date-time" });
    expect(eventSchema.properties.amount).toEqual({ type: ["null", "number"] });

    // The original's request body; then true for the chosen stream, false once deselected, null for the rest.
    const body = { streams: [{ tap_stream_id: customers.tap_stream_id, metadata: [{ breadcrumb: [], metadata: { selected: true, "replication-method": "INCREMENTAL", "replication-key": "updated_at" } }] }] };
    expect(await api.send(metadata, "PUT", "x", { source_id: id }, body)).toEqual({ status: 200, body: { status: 200 } });
    let after = streamSummarySchema.array().parse((await api.send(streams, "GET", "x", { source_id: id })).body);
    expect(after.find((s) => s.stream_name === "customers")).toMatchObject({ selected: true, metadata: { selected: true, "replication-method": "INCREMENTAL" } });
    expect(after.filter((s) => s.stream_name !== "customers").every((s) => s.selected === null)).toBe(true);
    const off = { streams: [{ tap_stream_id: customers.tap_stream_id, metadata: [{ breadcrumb: [], metadata: { selected: false } }] }] };
    expect((await api.send(metadata, "PUT", "x", { source_id: id }, off)).status).toBe(200);
    after = streamSummarySchema.array().parse((await api.send(streams, "GET", "x", { source_id: id })).body);
    expect(after.find((s) => s.stream_name === "customers")!.selected).toBe(false);
  });

  it("source types: details, and system_provided and tap_mutable on every property", async () => {
    const api = await apiClient(db);
    const list = await api.send(sourceTypes, "GET", "/v4/source-types");
    const types = sourceTypeSchema.array().parse(list.body);
    expect(types.map((t) => t.type)).toEqual(["platform.postgres", "platform.hp-postgres"]);
    for (const name of ["platform.postgres", "platform.hp-postgres"]) {
      const one = await api.send(sourceType, "GET", "x", { type: name });
      expect(one.status).toBe(200);
      const type = sourceTypeSchema.parse(one.body);
      expect(type.details).toEqual({ pricing_tier: "standard", pipeline_state: "released", default_start_date: null, default_scheduling_interval: 30, protocol: name, access: true });
      for (const p of type.steps[0].properties) expect(p).toMatchObject({ system_provided: false, tap_mutable: false, provided: false, property_type: "user_provided" });
      const form = Object.fromEntries(type.steps[0].properties.map((p) => [p.name, p]));
      expect(form.anchor_time.json_schema).toMatchObject({ type: "string", format: "date-time" });
      expect(form.password.is_credential).toBe(true);
      for (const documented of ["filter_dbs", "include_schemas_in_destination_stream_name", "ssh", "ssh_host", "ssh_port", "ssh_user", "use_log_based_replication"]) {
        expect(form[documented]).toMatchObject({ is_required: false, is_credential: false });
      }
    }
    expect((await api.send(sourceType, "GET", "x", { type: "platform.nope" })).status).toBe(404);
  });

  it("platform.hp-postgres is the same integration; documented properties are stored and echoed; null clears; unknown ones are refused", async () => {
    const api = await apiClient(db);
    const documented = { filter_dbs: "analytics", include_schemas_in_destination_stream_name: "true", use_log_based_replication: "false", ssh: "false", ssh_host: "bastion.example.com", ssh_port: "22", ssh_user: "tunnel" };
    const created = await api.send(sources, "POST", "/v4/sources", {}, { display_name: "HP", type: "platform.hp-postgres", properties: { ...connection, ...documented } });
    expect(created.status).toBe(200);
    const view = sourceSchema.parse(created.body);
    // The type the client sent is echoed; the password never is.
    expect(view.type).toBe("platform.hp-postgres");
    expect(view.report_card.type).toBe("platform.hp-postgres");
    expect(view.properties).toEqual({ host: connection.host, port: connection.port, dbname: database, user: connection.user, ...documented });
    expect(JSON.stringify(created.body)).not.toContain(PASSWORD);
    expect(view.created_at).toMatch(WIRE_TIME);
    expect(view.updated_at).toMatch(WIRE_TIME);
    // Same discovery as platform.postgres.
    expect((await checked(api, view.id)).status).toBe("succeeded");

    const id = String(view.id);
    // The SSH fields say where a credential would go: changing them needs the password again, like host or port.
    const noPassword = await api.send(source, "PUT", "x", { source_id: id }, { properties: { ssh_host: null } });
    expect(noPassword.body.error.fields).toHaveProperty(["properties.password"]);
    const cleared = await api.send(source, "PUT", "x", { source_id: id }, { properties: { filter_dbs: null, ssh_host: null, ssh_port: null, ssh_user: null, password: PASSWORD } });
    expect(cleared.status).toBe(200);
    expect(cleared.body.properties).not.toHaveProperty("filter_dbs");
    expect(cleared.body.properties).not.toHaveProperty("ssh_host");
    expect(cleared.body.properties).toMatchObject({ include_schemas_in_destination_stream_name: "true" });
    expect(cleared.body.updated_at).toMatch(WIRE_TIME);

    const unknown = await api.send(source, "PUT", "x", { source_id: id }, { properties: { colour: "blue" } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({ type: "InvalidProperties", fields: { "properties.colour": expect.stringMatching(/Unknown property/) } });
    const badFlag = await api.send(source, "PUT", "x", { source_id: id }, { properties: { use_log_based_replication: "yes" } });
    expect(badFlag.body.error.fields).toHaveProperty(["properties.use_log_based_replication"]);
    expect((await api.send(source, "GET", "x", { source_id: id })).body.properties).toEqual(cleared.body.properties);

    // ssh=true: we cannot tunnel, so the check fails at once instead of connecting directly (password needed again).
    const tunnel = await api.send(source, "PUT", "x", { source_id: id }, { properties: { ssh: "true", ssh_host: "bastion.example.com", password: PASSWORD } });
    expect(tunnel.status).toBe(200);
    await expect.poll(async () => (await checked(api, view.id)).name, { timeout: 15_000 }).toBe(tunnel.body.check_job_name);
    expect(await checked(api, view.id)).toMatchObject({ status: "failed", error: true, check_exit_status: 1, discovery_error_message: expect.stringMatching(/SSH tunnels are not available/) });

    const platform = await api.send(sources, "POST", "/v4/sources", {}, { display_name: "Plain", type: "platform.postgres", properties: { host: "db.example.com" } });
    expect(platform.body.type).toBe("platform.postgres");
  });

  it("destination types and POST /v4/destinations: one spec, every listed property accepted and only those", async () => {
    const api = await apiClient(db);
    const doc = destinationTypeSchema.parse((await api.send(destinationType, "GET", "x", { type: "postgres" })).body);
    const listed = doc.steps[0].properties;
    expect(destinationTypeSchema.array().parse((await api.send(destinationTypes, "GET", "x")).body).map((t) => t.type)).toEqual(DESTINATION_TYPES.map((t) => t.type));
    // A valid value for each listed property, by its json_schema.
    const sample: Record<string, string | boolean> = {
      database: "dw", encryption_host: "bastion.example.com", encryption_port: "22", encryption_type: "none", encryption_username: "tunnel",
      host: "warehouse.example.com", password: PASSWORD, port: "5432", ssl: true, sslrootcert: "", username: "loader",
    };
    expect(Object.keys(sample).sort()).toEqual(listed.map((p) => p.name).sort());
    const required = Object.fromEntries(listed.filter((p) => p.is_required).map((p) => [p.name, sample[p.name]]));
    for (const p of listed) {
      const answer = await api.send(destinations, "POST", "/v4/destinations", {}, { type: "postgres", properties: { ...required, [p.name]: sample[p.name] } });
      expect({ name: p.name, status: answer.status }).toEqual({ name: p.name, status: 200 });
      const created = destinationSchema.parse(answer.body);
      expect(created.created_at).toMatch(WIRE_TIME);
      if (p.is_credential) expect(created.properties).not.toHaveProperty(p.name);
      else if (sample[p.name] !== "") expect(created.properties[p.name]).toBe(String(sample[p.name]));
      expect(p.json_schema.type === "boolean" ? typeof sample[p.name] : "string").toBe(typeof sample[p.name]);
    }
    // Every required property is required by POST, and nothing beyond the list is accepted.
    for (const p of listed.filter((q) => q.is_required)) {
      const { [p.name]: _left, ...rest } = required;
      const answer = await api.send(destinations, "POST", "/v4/destinations", {}, { type: "postgres", properties: rest });
      expect(answer.body.error.fields).toHaveProperty([`properties.${p.name}`]);
    }
    for (const extra of ["schema", "ignore_unmapped_sources", "encryption_password"]) {
      const answer = await api.send(destinations, "POST", "/v4/destinations", {}, { type: "postgres", properties: { ...required, [extra]: "x" } });
      expect(answer.status).toBe(400);
      expect(answer.body.error.fields).toHaveProperty([`properties.${extra}`]);
    }
    // The original's example body (ssl a boolean, encryption_type none); an SSH tunnel is refused with a reason.
    const example = { host: "warehouse.example.com", port: "5432", username: "loader", database: "dw", password: PASSWORD, ssl: false, encryption_type: "none" };
    const made = await api.send(destinations, "POST", "/v4/destinations", {}, { type: "postgres", properties: example });
    expect(made.body.properties).toEqual({ host: "warehouse.example.com", port: "5432", username: "loader", database: "dw", ssl: "false", encryption_type: "none", status: "1" });
    const ssh = await api.send(destinations, "POST", "/v4/destinations", {}, { type: "postgres", properties: { ...example, encryption_type: "ssh" } });
    expect(ssh.body.error.fields["properties.encryption_type"]).toMatch(/ssh tunnels are not available/i);
    const put = await api.send(destination, "PUT", "x", { destination_id: String(made.body.id) }, { properties: { ssl: "maybe" } });
    expect(put.body.error.fields["properties.ssl"]).toBe("true or false.");
  });
});

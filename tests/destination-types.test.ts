// The PostgreSQL destination's property specs, as the endpoints show them and as destination creation checks them.
import { describe, expect, it } from "vitest";
import { checkDestinationProperties, destinationTypeView, findDestinationTypeSpec } from "@/lib/connect/destination-types";

const postgres = findDestinationTypeSpec("postgres")!;
const complete = { host: "db.example.com", port: "5432", username: "loader", database: "warehouse", password: "pw", ssl: false, encryption_type: "none" };

describe("postgres destination type", () => {
  it("shows the original's properties in its report card", () => {
    const view = destinationTypeView(postgres);
    const names = view.steps[0].properties.map((p) => p.name);
    expect(names).toEqual(["database", "encryption_host", "encryption_port", "encryption_type", "encryption_username", "host", "password", "port", "ssl", "sslrootcert", "username"]);
    expect(view.steps[0].properties.find((p) => p.name === "ssl")?.json_schema).toEqual({ type: "boolean" });
    expect(view.steps[0].properties.find((p) => p.name === "password")).toMatchObject({ is_credential: true, is_required: true, provided: false });
    expect(view.details.protocol).toBe("postgres");
  });

  it("accepts a complete form and answers strings", () => {
    const checked = checkDestinationProperties(postgres, complete, "create");
    expect(checked).toEqual({ ok: true, value: { ...complete, ssl: "false" } });
    expect(checkDestinationProperties(postgres, { ...complete, ssl: "true", sslrootcert: "-----BEGIN" }, "create").ok).toBe(true);
  });

  it("refuses unknown names, wrong values and missing required ones", () => {
    const bad = checkDestinationProperties(postgres, { ...complete, port: "54x", ssl: "yes", host: "bad host", schema: "x" }, "create");
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(Object.keys(bad.fields ?? {}).sort()).toEqual(["properties.host", "properties.port", "properties.schema", "properties.ssl"]);
    const missing = checkDestinationProperties(postgres, { host: "db" }, "create");
    expect(missing.ok ? [] : Object.keys(missing.fields ?? {})).toEqual(expect.arrayContaining(["properties.password", "properties.ssl", "properties.encryption_type"]));
    const ssh = checkDestinationProperties(postgres, { ...complete, encryption_type: "ssh" }, "create");
    expect(ssh.ok ? [] : Object.keys(ssh.fields ?? {}).sort()).toEqual(["properties.encryption_host", "properties.encryption_port", "properties.encryption_username"]);
  });

  it("lets an update change some properties and clear optional ones with null", () => {
    expect(checkDestinationProperties(postgres, { username: "stitch_admin", sslrootcert: null }, "update")).toEqual({ ok: true, value: { username: "stitch_admin", sslrootcert: null } });
    expect(checkDestinationProperties(postgres, { password: null }, "update").ok).toBe(false);
  });
});

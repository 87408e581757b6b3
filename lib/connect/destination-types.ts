// Destination types as the original describes them (GET /v4/destination-types), and the one check of a
// destination's properties against its type: the endpoints and destination creation read the same specs.
import { fail, ok, type Result } from "./result";

type HostSchema = { anyOf: { type: "string"; format: "ipv4" | "ipv6" | "hostname" }[] };
export type DestinationJsonSchema = { type: "string"; pattern?: string } | { type: "boolean" } | HostSchema;

export type DestinationPropertySpec = {
  name: string;
  is_required: boolean;
  is_credential: boolean;
  system_provided: false;
  property_type: "user_provided";
  json_schema: DestinationJsonSchema;
};

export type DestinationTypeSpec = {
  type: string;
  display_name: string;
  properties: readonly DestinationPropertySpec[];
  details: { pricing_tier: string; pipeline_state: string; protocol: string; access: boolean };
};

const HOST: HostSchema = { anyOf: [{ type: "string", format: "ipv4" }, { type: "string", format: "ipv6" }, { type: "string", format: "hostname" }] };
const DIGITS = { type: "string", pattern: "^\\d+$" } as const;

const spec = (name: string, json_schema: DestinationJsonSchema, is_required = true, is_credential = false): DestinationPropertySpec => ({
  name,
  is_required,
  is_credential,
  system_provided: false,
  property_type: "user_provided",
  json_schema,
});

// The PostgreSQL destination's properties, in the original's (alphabetical) order.
export const POSTGRES_DESTINATION_PROPERTIES: readonly DestinationPropertySpec[] = [
  spec("database", { type: "string" }),
  spec("encryption_host", HOST, false),
  spec("encryption_port", DIGITS, false),
  spec("encryption_type", { type: "string", pattern: "^(ssh|none)$" }),
  spec("encryption_username", { type: "string" }, false),
  spec("host", HOST),
  spec("password", { type: "string" }, true, true),
  spec("port", DIGITS),
  spec("ssl", { type: "boolean" }),
  spec("sslrootcert", { type: "string" }, false),
  spec("username", { type: "string" }),
];

// Properties that become required when the SSH tunnel is chosen.
const SSH_PROPERTIES = ["encryption_host", "encryption_port", "encryption_username"];

export const DESTINATION_TYPE_SPECS: readonly DestinationTypeSpec[] = [
  {
    type: "postgres",
    display_name: "PostgreSQL",
    properties: POSTGRES_DESTINATION_PROPERTIES,
    details: { pricing_tier: "standard", pipeline_state: "released", protocol: "postgres", access: true },
  },
];

// The spec of a destination type by its API name (e.g. "postgres"), or undefined.
export function findDestinationTypeSpec(type: string): DestinationTypeSpec | undefined {
  return DESTINATION_TYPE_SPECS.find((t) => t.type === type);
}

// A destination type as GET /v4/destination-types shows it: a report card before any setup.
export function destinationTypeView(type: DestinationTypeSpec) {
  return {
    type: type.type,
    current_step: 1,
    current_step_type: "form" as const,
    steps: [
      { type: "form" as const, properties: type.properties.map((p) => ({ ...p, provided: false })) },
      { type: "fully_configured" as const, properties: [] },
    ],
    details: type.details,
  };
}

const HOSTNAME = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?$/;
const IPV6 = /^[0-9A-Fa-f:.]{2,45}$/;

// A value's problem against its schema, or null; booleans may come as true/false or "true"/"false".
function problem(schema: DestinationJsonSchema, value: unknown): string | null {
  if ("anyOf" in schema) {
    return typeof value === "string" && (HOSTNAME.test(value) || (value.includes(":") && IPV6.test(value))) ? null : "A host name, IPv4 or IPv6 address.";
  }
  if (schema.type === "boolean") return value === true || value === false || value === "true" || value === "false" ? null : "true or false.";
  if (typeof value !== "string") return "A string.";
  if (value.length > 4096) return "At most 4096 characters.";
  if (schema.pattern && !new RegExp(schema.pattern).test(value)) return `Must match ${schema.pattern}.`;
  return null;
}

// Check a create (complete) or update (partial: merged later) of a destination's properties against its
// type: unknown names, wrong values and missing required ones are refused. Values come back as strings,
// the form the API stores and answers with ("true"/"false" for ssl); null clears an optional property.
export function checkDestinationProperties(
  type: DestinationTypeSpec,
  input: Record<string, unknown>,
  mode: "create" | "update",
): Result<Record<string, string | null>> {
  const fields: Record<string, string> = {};
  const values: Record<string, string | null> = {};
  for (const [name, value] of Object.entries(input)) {
    const found = type.properties.find((p) => p.name === name);
    if (!found) fields[`properties.${name}`] = `Unknown property. Known: ${type.properties.map((p) => p.name).join(", ")}.`;
    else if (value === null && !found.is_required && mode === "update") values[name] = null;
    else {
      const wrong = problem(found.json_schema, value);
      if (wrong) fields[`properties.${name}`] = wrong;
      else values[name] = String(value);
    }
  }
  if (mode === "create") {
    const tunnel = values.encryption_type === "ssh";
    for (const p of type.properties) {
      const required = p.is_required || (tunnel && SSH_PROPERTIES.includes(p.name));
      if (required && (values[p.name] ?? "") === "" && !fields[`properties.${p.name}`]) fields[`properties.${p.name}`] = "Required.";
    }
  }
  if (Object.keys(fields).length) return fail("InvalidProperties", "Some properties are invalid or missing; see fields.", fields);
  return ok(values);
}

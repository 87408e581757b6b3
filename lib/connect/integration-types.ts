// The catalogue of source and destination types: their properties and setup steps. One spec per type: the
// API's type documents (GET /v4/source-types, /v4/destination-types) are made from it, and creating or
// updating a source or destination is checked against it, so the two cannot disagree.
export type PropertySpec = {
  name: string;
  // What a person sees in the UI.
  label: string;
  is_required: boolean;
  // Secret (write-only): stored encrypted, never returned, logged or shown.
  is_credential: boolean;
  // The original's flags: set by the system rather than the client / changed by the tap itself. Always false here.
  system_provided: boolean;
  tap_mutable: boolean;
  property_type: "user_provided";
  // Values are strings on the wire; a "boolean" property takes true/false (or "true"/"false") and is stored as a string.
  json_schema: { type: "string" | "boolean"; pattern?: string; format?: string; description: string };
  default?: string;
  // Documented by the original, stored and echoed, but not acted on yet (see docs/connect-api.md, Compatibility).
  stored_only?: true;
};

// The original's `details` of a type: who may use it and its defaults.
export type TypeDetails = {
  pricing_tier: "standard";
  pipeline_state: "released";
  // Sources only: the default frequency_in_minutes and start_date (PostgreSQL sources have no start_date: null).
  default_start_date?: string | null;
  default_scheduling_interval?: number;
  protocol: string;
  access: boolean;
};

export type StepType = "form" | "oauth" | "discover_schema" | "field_selection" | "fully_configured";

export type SourceType = { type: string; display_name: string; steps: StepType[]; properties: PropertySpec[]; details: TypeDetails };
export type DestinationType = { type: string; display_name: string; properties: PropertySpec[]; details: TypeDetails };

const prop = (name: string, label: string, description: string, extra: Partial<PropertySpec> = {}): PropertySpec => ({
  name,
  label,
  is_required: true,
  is_credential: false,
  system_provided: false,
  tap_mutable: false,
  property_type: "user_provided",
  json_schema: { type: "string", description, ...(extra.json_schema ?? {}) },
  ...extra,
});

const PORT = { type: "string", pattern: "^[0-9]{1,5}$", description: "TCP port, 1–65535." } as const;

// The original's schedule properties (all strings; null or "" clears one). Checked together in lib/jobs/schedule.ts.
const SCHEDULE_PROPERTIES = (): PropertySpec[] => [
  prop("frequency_in_minutes", "Replication frequency", "Minutes between runs: 1, 30, 60, 360, 720 or 1440 (default 30).", {
    is_required: false, json_schema: { type: "string", pattern: "^1$|^30$|^60$|^360$|^720$|^1440$", description: "Minutes between runs: 1, 30, 60, 360, 720 or 1440." },
  }),
  prop("anchor_time", "Anchor time", "ISO 8601 timestamp (UTC) whose time of day anchors a frequency of 60 minutes or more.", {
    is_required: false, json_schema: { type: "string", format: "date-time", description: "ISO 8601 timestamp (UTC) whose time of day anchors a frequency of 60 minutes or more." },
  }),
  prop("cron_expression", "Cron expression", "Quartz cron expression in UTC (sec min hour dom month dow [year]); overrides the frequency.", { is_required: false }),
];

const postgresConnection = (): PropertySpec[] => [
  prop("host", "Host", "Host name or IP address of the PostgreSQL server."),
  prop("port", "Port", PORT.description, { json_schema: PORT, default: "5432" }),
  prop("dbname", "Database", "Name of the database."),
  prop("user", "User", "Database user (read-only access is enough for a source)."),
  prop("password", "Password", "Password of the user. Write-only: never returned.", { is_credential: true }),
  prop("ssl", "TLS", "TLS to the server: false (none), true (encrypted, certificate not checked) or verify-full (certificate must chain to sslrootcert or a public CA and name the host).", {
    is_required: false,
    json_schema: { type: "string", pattern: "^(false|true|verify-full)$", description: "false, true or verify-full." },
    default: "false",
  }),
  prop("sslrootcert", "CA certificate", "PEM certificate(s) of the CA that signed the server's certificate, for ssl=verify-full.", { is_required: false }),
];

// Where and how a credential is sent: changing any of these drops the stored password (it must be given again),
// so a stored password can never be pointed at another server or sent with weaker TLS.
const POSTGRES_IDENTITY = ["host", "port", "dbname", "user", "ssl", "sslrootcert", "ssh", "ssh_host", "ssh_port", "ssh_user"] as const;

const TRUE_FALSE = { type: "string", pattern: "^(true|false)$" } as const;
const stored = (name: string, label: string, description: string, json_schema: Partial<PropertySpec["json_schema"]> = {}): PropertySpec =>
  prop(name, label, `${description} Stored and returned; not acted on yet.`, {
    is_required: false,
    stored_only: true,
    json_schema: { type: "string", ...json_schema, description: `${description} Stored and returned; not acted on yet.` },
  });

// The original's PostgreSQL source: connection, the schemas to discover, and the properties it documents that we
// keep without acting on them yet (SSH tunnel, log-based replication, database filter, stream names with schemas).
const postgresSourceProperties = (): PropertySpec[] => [
  ...postgresConnection(),
  prop("filter_schemas", "Schemas", "Comma-separated schemas to discover; empty for every schema the user can read.", {
    is_required: false,
  }),
  stored("filter_dbs", "Databases", "Comma-separated databases to discover (only dbname is discovered here)."),
  stored("include_schemas_in_destination_stream_name", "Schema in table names", "true to prefix destination table names with the source schema.", TRUE_FALSE),
  stored("use_log_based_replication", "Log-based replication", "true to offer LOG_BASED replication.", TRUE_FALSE),
  stored("ssh", "SSH tunnel", "true to connect through an SSH tunnel (a check with ssh=true fails: tunnels are not available).", TRUE_FALSE),
  stored("ssh_host", "SSH host", "Host of the SSH server."),
  stored("ssh_port", "SSH port", "Port of the SSH server.", { pattern: "^[0-9]{1,5}$" }),
  stored("ssh_user", "SSH user", "User on the SSH server."),
  ...SCHEDULE_PROPERTIES(),
];

const sourceDetails = (protocol: string): TypeDetails => ({
  pricing_tier: "standard",
  pipeline_state: "released",
  default_start_date: null,
  default_scheduling_interval: 30,
  protocol,
  access: true,
});

const POSTGRES_STEPS: StepType[] = ["form", "discover_schema", "field_selection", "fully_configured"];

// platform.hp-postgres is the original's current name of its PostgreSQL integration: here the same integration.
export const SOURCE_TYPES: readonly SourceType[] = [
  { type: "platform.postgres", display_name: "PostgreSQL", steps: POSTGRES_STEPS, properties: postgresSourceProperties(), details: sourceDetails("platform.postgres") },
  { type: "platform.hp-postgres", display_name: "PostgreSQL", steps: POSTGRES_STEPS, properties: postgresSourceProperties(), details: sourceDetails("platform.hp-postgres") },
];

const DIGITS = { type: "string", pattern: "^\\d+$" } as const;

export const DESTINATION_TYPES: readonly DestinationType[] = [
  {
    type: "postgres",
    display_name: "PostgreSQL",
    // The original's postgres destination properties, in its (alphabetical) order; each source loads into a schema
    // named after the source. The SSH tunnel (encryption_*) is stored and returned; only "none" is accepted.
    properties: [
      prop("database", "Database", "Name of the database."),
      stored("encryption_host", "SSH host", "Host of the SSH server (with encryption_type ssh)."),
      stored("encryption_port", "SSH port", "Port of the SSH server (with encryption_type ssh).", DIGITS),
      prop("encryption_type", "Tunnel", "none (the only value available: SSH tunnels are not available yet).", {
        is_required: false,
        default: "none",
        json_schema: { type: "string", pattern: "^none$", description: "none (ssh tunnels are not available yet)." },
      }),
      stored("encryption_username", "SSH user", "User on the SSH server (with encryption_type ssh)."),
      prop("host", "Host", "Host name or IP address of the PostgreSQL server."),
      prop("password", "Password", "Password of the user. Write-only: never returned.", { is_credential: true }),
      prop("port", "Port", "TCP port, 1–65535.", { json_schema: { ...DIGITS, description: "TCP port, 1–65535." }, default: "5432" }),
      prop("ssl", "SSL", "true to connect with TLS.", { is_required: false, default: "false", json_schema: { type: "boolean", description: "true or false." } }),
      prop("sslrootcert", "SSL root certificate", "PEM certificate to verify the server against (with ssl).", { is_required: false }),
      prop("username", "Username", "Database user; it needs CREATE on the database."),
    ],
    details: { pricing_tier: "standard", pipeline_state: "released", protocol: "postgres", access: true },
  },
];

// The postgres destination names its user and database as the original does (username, database).
const POSTGRES_DESTINATION_IDENTITY = ["host", "port", "username", "database", "ssl", "sslrootcert", "encryption_type", "encryption_host", "encryption_port", "encryption_username"] as const;

const IDENTITY: Record<string, readonly string[]> = {
  "platform.postgres": POSTGRES_IDENTITY,
  "platform.hp-postgres": POSTGRES_IDENTITY,
  postgres: POSTGRES_DESTINATION_IDENTITY,
};

// The identity properties of an integration type (source or destination); none for an unknown type.
export function identityProperties(type: string): readonly string[] {
  return IDENTITY[type] ?? [];
}

export function findSourceType(type: string): SourceType | undefined {
  return SOURCE_TYPES.find((t) => t.type === type);
}

export function findDestinationType(type: string): DestinationType | undefined {
  return DESTINATION_TYPES.find((t) => t.type === type);
}

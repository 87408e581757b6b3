// The catalogue of source and destination types: their properties and setup steps.
export type PropertySpec = {
  name: string;
  // What a person sees in the UI.
  label: string;
  is_required: boolean;
  // Secret (write-only): stored encrypted, never returned, logged or shown.
  is_credential: boolean;
  property_type: "user_provided";
  json_schema: { type: "string"; pattern?: string; description: string };
  default?: string;
};

export type StepType = "form" | "oauth" | "discover_schema" | "field_selection" | "fully_configured";

export type SourceType = { type: string; display_name: string; steps: StepType[]; properties: PropertySpec[] };
export type DestinationType = { type: string; display_name: string; properties: PropertySpec[] };

const prop = (name: string, label: string, description: string, extra: Partial<PropertySpec> = {}): PropertySpec => ({
  name,
  label,
  is_required: true,
  is_credential: false,
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
  prop("anchor_time", "Anchor time", "ISO 8601 timestamp (UTC) whose time of day anchors a frequency of 60 minutes or more.", { is_required: false }),
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
const POSTGRES_IDENTITY = ["host", "port", "dbname", "user", "ssl", "sslrootcert"] as const;

export const SOURCE_TYPES: readonly SourceType[] = [
  {
    type: "platform.postgres",
    display_name: "PostgreSQL",
    steps: ["form", "discover_schema", "field_selection", "fully_configured"],
    properties: [
      ...postgresConnection(),
      prop("filter_schemas", "Schemas", "Comma-separated schemas to discover; empty for every schema the user can read.", {
        is_required: false,
      }),
      ...SCHEDULE_PROPERTIES(),
    ],
  },
];

export const DESTINATION_TYPES: readonly DestinationType[] = [
  {
    type: "postgres",
    display_name: "PostgreSQL",
    // The original's postgres destination properties; each source loads into a schema named after the source.
    properties: [
      prop("host", "Host", "Host name or IP address of the PostgreSQL server."),
      prop("port", "Port", PORT.description, { json_schema: PORT, default: "5432" }),
      prop("username", "Username", "Database user; it needs CREATE on the database."),
      prop("database", "Database", "Name of the database."),
      prop("password", "Password", "Password of the user. Write-only: never returned.", { is_credential: true }),
      prop("ssl", "SSL", "true to connect with TLS.", { is_required: false, default: "false", json_schema: { type: "string", pattern: "^(true|false)$", description: "true or false." } }),
      prop("sslrootcert", "SSL root certificate", "PEM certificate to verify the server against (with ssl).", { is_required: false }),
    ],
  },
];

// The postgres destination names its user and database as the original does (username, database).
const POSTGRES_DESTINATION_IDENTITY = ["host", "port", "username", "database", "ssl", "sslrootcert"] as const;

const IDENTITY: Record<string, readonly string[]> = { "platform.postgres": POSTGRES_IDENTITY, postgres: POSTGRES_DESTINATION_IDENTITY };

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

// From stored source, destination and streams to the engine's ReplicationPlan (secrets opened only here).
import "server-only";
import type { SecretBox } from "../crypto/secret-box";
import { allProperties, SSH_TUNNEL_REFUSAL } from "../connect/properties";
import { resolveEndpoint, type EndpointResult } from "../connect/network/endpoint";
import { connectPolicyFromEnv, type ConnectPolicy } from "../connect/network/policy";
import type { StoredStream } from "../connect/streams";
import { streamMetadata, type CatalogStream } from "../connect/stream-catalog";
import type { ReplicationMethod, StreamColumn, StreamPlan } from "./engine/types";

type Stored = { properties: string; secrets: string };
export type StreamState = { bookmark: string | null; bookmarkMethod: string | null; bookmarkKey: string | null };

type StoredRow = Stored & { id: number };

// The source's connection (platform.postgres properties), its host resolved and judged by lib/connect/network.
export function sourceEndpoint(source: StoredRow, box: SecretBox, policy: ConnectPolicy = connectPolicyFromEnv()): Promise<EndpointResult> {
  const p = allProperties(source, box, { table: "Source", id: source.id });
  // As the check does (lib/connect/sources.ts): a source set to use a tunnel is never reached directly.
  if (p.ssh === "true") return Promise.resolve({ ok: false, message: SSH_TUNNEL_REFUSAL });
  const settings = { host: p.host, port: Number(p.port ?? 5432), database: p.dbname, user: p.user, password: p.password, ssl: p.ssl, sslrootcert: p.sslrootcert };
  return resolveEndpoint(settings, policy);
}

// The destination's connection (the original's postgres properties: host, port, username, database, password,
// ssl, sslrootcert); ssl with a root certificate verifies the server against it (verify-full).
export function destinationEndpoint(destination: StoredRow, box: SecretBox, policy: ConnectPolicy = connectPolicyFromEnv()): Promise<EndpointResult> {
  const p = allProperties(destination, box, { table: "Destination", id: destination.id });
  const ssl = p.ssl === "true" ? (p.sslrootcert ? "verify-full" : "true") : "false";
  const settings = { host: p.host, port: Number(p.port ?? 5432), database: p.database, user: p.username, password: p.password, ssl, sslrootcert: p.sslrootcert };
  return resolveEndpoint(settings, policy);
}

// Singer's rule: a field is replicated when automatic, selected, or selected by default and not deselected.
function fieldIncluded(metadata: Record<string, unknown>): boolean {
  if (metadata.inclusion === "unsupported") return false;
  if (metadata.inclusion === "automatic") return true;
  if (typeof metadata.selected === "boolean") return metadata.selected;
  return metadata["selected-by-default"] === true;
}

// The selected and automatic columns, in discovery (source) order.
export function selectedColumns(stream: CatalogStream): StreamColumn[] {
  const properties = stream.schema.properties as Record<string, Record<string, unknown>>;
  return stream.metadata
    .filter((m) => m.breadcrumb.length === 2 && fieldIncluded(m.metadata))
    .map((m) => {
      const name = m.breadcrumb[1] as string;
      return { name, sqlType: String(m.metadata["sql-datatype"] ?? "text"), schema: properties[name] ?? {} };
    });
}

export type StreamChoice = { plan: StreamPlan; bookmarkCleared: boolean } | { error: string };

// One selected stream → its plan; the stored bookmark applies only to the method and key it was taken with.
export function planStream(stream: StoredStream, state: StreamState): StreamChoice {
  const top = streamMetadata(stream);
  const method = (top["replication-method"] ?? "FULL_TABLE") as string;
  if (method === "LOG_BASED") return { error: `${stream.tapStreamId}: LOG_BASED replication is not available yet; choose FULL_TABLE or INCREMENTAL.` };
  if (method !== "FULL_TABLE" && method !== "INCREMENTAL") return { error: `${stream.tapStreamId}: unknown replication-method ${method}.` };
  const schema = String(top["schema-name"]);
  const database = String(top["database-name"]);
  const table = stream.tapStreamId.slice(`${database}-${schema}-`.length);
  const key = typeof top["replication-key"] === "string" ? (top["replication-key"] as string) : undefined;
  if (method === "INCREMENTAL" && !key) return { error: `${stream.tapStreamId}: INCREMENTAL replication needs a replication-key.` };
  const columns = selectedColumns(stream);
  if (method === "INCREMENTAL" && !columns.some((c) => c.name === key)) columns.push(...replicationKeyColumn(stream, key!));
  const sameBasis = state.bookmarkMethod === method && (method !== "INCREMENTAL" || state.bookmarkKey === key);
  const bookmark = method === "INCREMENTAL" && sameBasis ? state.bookmark : null;
  return {
    plan: {
      tapStreamId: stream.tapStreamId,
      streamName: stream.streamName,
      sourceSchema: schema,
      sourceTable: table,
      columns,
      keyProperties: (top["table-key-properties"] as string[] | undefined) ?? [],
      method: method as ReplicationMethod,
      ...(method === "INCREMENTAL" ? { replicationKey: key, bookmark } : {}),
    },
    bookmarkCleared: state.bookmark !== null && !sameBasis,
  };
}

// The replication key is read even when its field was deselected: the bookmark needs it.
function replicationKeyColumn(stream: CatalogStream, key: string): StreamColumn[] {
  const entry = stream.metadata.find((m) => m.breadcrumb.length === 2 && m.breadcrumb[1] === key);
  const properties = stream.schema.properties as Record<string, Record<string, unknown>>;
  return entry ? [{ name: key, sqlType: String(entry.metadata["sql-datatype"] ?? "text"), schema: properties[key] ?? {} }] : [];
}

// Streams in the original's catalog shape: a JSON Schema plus breadcrumb metadata, built from discovery.
import type { DiscoveredTable } from "./discovery/postgres";

export type Breadcrumb = [] | ["properties", string];
export type MetadataEntry = { breadcrumb: Breadcrumb; metadata: Record<string, unknown> };
export type CatalogStream = {
  tapStreamId: string;
  streamName: string;
  schema: { type: "object"; properties: Record<string, unknown> };
  metadata: MetadataEntry[];
};

// Keys a client may write; everything else in metadata is discovered and read-only.
export const STREAM_WRITABLE = ["selected", "replication-method", "replication-key"] as const;
export const FIELD_WRITABLE = ["selected"] as const;
export const NON_DISCOVERABLE_KEYS = [...STREAM_WRITABLE];

export function tapStreamIdOf(database: string, schema: string, table: string): string {
  return `${database}-${schema}-${table}`;
}

// One stream per table or view; primary keys are automatic, unsupported types unsupported.
export function streamFromTable(database: string, table: DiscoveredTable): CatalogStream {
  const keys = table.columns.filter((c) => c.primaryKey).map((c) => c.name);
  const properties: Record<string, unknown> = {};
  const fields: MetadataEntry[] = [];
  for (const column of table.columns) {
    const inclusion = column.schema === null ? "unsupported" : column.primaryKey ? "automatic" : "available";
    if (column.schema) properties[column.name] = column.schema;
    fields.push({
      breadcrumb: ["properties", column.name],
      metadata: { inclusion, "sql-datatype": column.sqlType, "selected-by-default": inclusion !== "unsupported", ...(inclusion === "automatic" ? { selected: true } : {}) },
    });
  }
  return {
    tapStreamId: tapStreamIdOf(database, table.schema, table.name),
    streamName: table.schema === "public" ? table.name : `${table.schema}-${table.name}`,
    schema: { type: "object", properties },
    metadata: [
      {
        breadcrumb: [],
        metadata: {
          "database-name": database,
          "schema-name": table.schema,
          "table-key-properties": keys,
          "is-view": table.isView,
          "row-count": table.rowCount,
          "row-count-is-estimate": true,
        },
      },
      ...fields,
    ],
  };
}

function writableOf(entry: MetadataEntry | undefined): Record<string, unknown> {
  const allowed: readonly string[] = entry && entry.breadcrumb.length === 0 ? STREAM_WRITABLE : FIELD_WRITABLE;
  return Object.fromEntries(Object.entries(entry?.metadata ?? {}).filter(([k]) => allowed.includes(k)));
}

const crumbKey = (b: Breadcrumb) => b.join("\u0000");

// Re-discovery: new discovered metadata, keeping what the client selected for streams and fields that still exist.
export function mergeRediscovered(fresh: CatalogStream, previous: CatalogStream | undefined): CatalogStream {
  if (!previous) return fresh;
  const old = new Map(previous.metadata.map((m) => [crumbKey(m.breadcrumb), m]));
  return {
    ...fresh,
    metadata: fresh.metadata.map((m) => {
      const kept = writableOf(old.get(crumbKey(m.breadcrumb)));
      if (m.metadata.inclusion === "unsupported") delete kept.selected;
      if (m.metadata.inclusion === "automatic") kept.selected = true;
      return { ...m, metadata: { ...m.metadata, ...kept } };
    }),
  };
}

export function streamMetadata(stream: CatalogStream): Record<string, unknown> {
  return stream.metadata.find((m) => m.breadcrumb.length === 0)?.metadata ?? {};
}

export function isSelected(stream: CatalogStream): boolean {
  return streamMetadata(stream).selected === true;
}

// As the original shows it: null until a client first selected or deselected the stream, then true or false.
export function selectionOf(stream: CatalogStream): boolean | null {
  const selected = streamMetadata(stream).selected;
  return typeof selected === "boolean" ? selected : null;
}

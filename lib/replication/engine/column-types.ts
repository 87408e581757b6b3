// Destination column types: the stream's JSON schema, refined by the source column's SQL type, so values keep
// their exact text form (digits, instants, JSON nulls) through COPY.
import type { StreamColumn } from "./types";

type Schema = Record<string, unknown>;

function jsonType(schema: Schema): string | undefined {
  const t = schema.type;
  if (Array.isArray(t)) return t.find((x) => x !== "null") as string | undefined;
  return t as string | undefined;
}

function scalarType(sqlType: string, schema: Schema): string {
  const sql = sqlType.toLowerCase();
  switch (jsonType(schema)) {
    case "integer":
      return "bigint";
    case "number":
      if (sql.startsWith("numeric") || sql.startsWith("decimal")) return "numeric";
      return "double precision";
    case "boolean":
      return "boolean";
    case "string":
      if (schema.format === "date-time") return sql.includes("with time zone") ? "timestamp with time zone" : "timestamp without time zone";
      if (schema.format === "date") return "date";
      if (schema.format === "time") return sql.includes("with time zone") ? "time with time zone" : "time without time zone";
      if (sql === "jsonb" || sql === "json") return sql;
      return "text";
    default:
      return "text";
  }
}

// The destination type of a source column.
export function destinationType(column: StreamColumn): string {
  const schema = column.schema as Schema;
  if (jsonType(schema) === "array") {
    const element = column.sqlType.endsWith("[]") ? column.sqlType.slice(0, -2) : "text";
    const items = (schema.items ?? {}) as Schema;
    return `${scalarType(element, items)}[]`;
  }
  return scalarType(column.sqlType, schema);
}

// The system columns every destination table has, in load order.
export const SDC_COLUMNS: [string, string][] = [
  ["_sdc_extracted_at", "timestamp with time zone"],
  ["_sdc_received_at", "timestamp with time zone"],
  ["_sdc_batched_at", "timestamp with time zone"],
  ["_sdc_sequence", "bigint"],
  ["_sdc_table_version", "bigint"],
];

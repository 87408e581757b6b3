// PostgreSQL column types → JSON Schema, and which types we cannot replicate.
export type JsonSchema = Record<string, unknown>;

const INTEGER = new Set(["int2", "int4", "int8", "oid"]);
const NUMBER = new Set(["numeric", "float4", "float8"]);
const STRING = new Set(["text", "varchar", "bpchar", "char", "name", "citext", "uuid", "inet", "cidr", "macaddr", "macaddr8", "json", "jsonb", "xml", "money", "bit", "varbit"]);
const FORMATS: Record<string, string> = { date: "date", timestamp: "date-time", timestamptz: "date-time", time: "time", timetz: "time" };
// Binary, geometric, full-text and range types have no faithful JSON form here.
const UNSUPPORTED = new Set(["bytea", "point", "line", "lseg", "box", "path", "polygon", "circle", "tsvector", "tsquery", "interval", "pg_lsn", "txid_snapshot"]);

export type ColumnType = { typname: string; category: string; isEnum: boolean; notNull: boolean };

function base(type: ColumnType): JsonSchema | null {
  if (INTEGER.has(type.typname)) return { type: "integer" };
  if (NUMBER.has(type.typname)) return { type: "number" };
  if (type.typname === "bool") return { type: "boolean" };
  if (FORMATS[type.typname]) return { type: "string", format: FORMATS[type.typname] };
  if (STRING.has(type.typname) || type.isEnum) return { type: "string" };
  return null;
}

// The JSON Schema of a column, or null when the type is unsupported. As in the original, `type` is always a list:
// ["null", "integer"] for a nullable column, ["integer"] for NOT NULL; array elements may always be null.
export function jsonSchemaFor(type: ColumnType): JsonSchema | null {
  if (UNSUPPORTED.has(type.typname)) return null;
  let schema: JsonSchema | null;
  if (type.category === "A") {
    // Arrays: pg names the array type "_<element>".
    const element = base({ ...type, typname: type.typname.replace(/^_/, ""), category: "" });
    schema = element ? { type: "array", items: { ...element, type: ["null", element.type as string] } } : null;
  } else {
    schema = base(type);
  }
  if (!schema) return null;
  return { ...schema, type: type.notNull ? [schema.type as string] : ["null", schema.type as string] };
}

// A stored schema in the wire form: every `type` a list (streams discovered before types were lists keep
// their stored "integer"; a NOT NULL column was stored as a bare type, a nullable one already as a list).
export function listTypes(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(listTypes);
  if (!schema || typeof schema !== "object") return schema;
  return Object.fromEntries(
    Object.entries(schema).map(([key, value]) => {
      if (key === "type" && typeof value === "string") return [key, [value]];
      if (key === "properties" && value && typeof value === "object") return [key, Object.fromEntries(Object.entries(value).map(([k, v]) => [k, listTypes(v)]))];
      if (key === "items") return [key, listTypes(value)];
      return [key, value];
    }),
  );
}

// A stream's schema on the wire: the root stays {"type": "object"} as in the original; every property's type a list.
export function wireStreamSchema(schema: { type: unknown; properties: Record<string, unknown> }): unknown {
  return { ...(listTypes(schema) as object), type: schema.type };
}

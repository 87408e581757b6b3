// Selecting streams and fields: the original's rules, checked in full before anything is written.
import { FIELD_WRITABLE, STREAM_WRITABLE, type Breadcrumb, type CatalogStream, type MetadataEntry } from "./stream-catalog";

export const REPLICATION_METHODS = ["FULL_TABLE", "INCREMENTAL", "LOG_BASED"] as const;

export type SelectionRequest = { streams: { tap_stream_id: string; metadata: { breadcrumb: string[]; metadata: Record<string, unknown> }[] }[] };

export type SelectionError = { path: string; message: string };
export type SelectionOutcome = { ok: true; streams: CatalogStream[] } | { ok: false; errors: SelectionError[] };

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

// Apply a request to the given streams (changed copies are returned); any error means none of it applies.
export function applySelection(streams: CatalogStream[], request: SelectionRequest): SelectionOutcome {
  const errors: SelectionError[] = [];
  const byId = new Map(streams.map((s) => [s.tapStreamId, structuredClone(s)]));
  // Per stream, the fields this request selects: they need the stream selected.
  const touched = new Map<string, Set<string>>();

  request.streams.forEach((entry, i) => {
    const at = `streams[${i}]`;
    const stream = byId.get(entry.tap_stream_id);
    if (!stream) return errors.push({ path: `${at}.tap_stream_id`, message: `Unknown tap_stream_id "${entry.tap_stream_id}".` });
    const picked = touched.get(stream.tapStreamId) ?? new Set<string>();
    touched.set(stream.tapStreamId, picked);
    entry.metadata.forEach((change, j) => {
      const path = `${at}.metadata[${j}]`;
      const target = stream.metadata.find((m) => same(m.breadcrumb, change.breadcrumb));
      if (!target) return errors.push({ path: `${path}.breadcrumb`, message: `Unknown breadcrumb ${JSON.stringify(change.breadcrumb)} for ${stream.tapStreamId}.` });
      const writable: readonly string[] = change.breadcrumb.length === 0 ? STREAM_WRITABLE : FIELD_WRITABLE;
      const readOnly = Object.keys(change.metadata).filter((k) => !writable.includes(k));
      if (readOnly.length) return errors.push({ path, message: `Discoverable metadata cannot be changed: ${readOnly.join(", ")}. Writable here: ${writable.join(", ")}.` });
      checkValues(target, change.metadata, path, errors);
      if (change.breadcrumb.length === 2 && change.metadata.selected === true) picked.add(change.breadcrumb[1]);
      target.metadata = { ...target.metadata, ...change.metadata };
    });
  });

  for (const [id, picked] of touched) checkStream(byId.get(id)!, picked, errors);
  if (errors.length) return { ok: false, errors };
  return { ok: true, streams: [...touched.keys()].map((id) => byId.get(id)!) };
}

function checkValues(target: MetadataEntry, change: Record<string, unknown>, path: string, errors: SelectionError[]) {
  if ("selected" in change && typeof change.selected !== "boolean") errors.push({ path, message: "selected must be true or false." });
  if (target.breadcrumb.length === 0) {
    const method = change["replication-method"];
    if (method !== undefined && !REPLICATION_METHODS.includes(method as never)) {
      errors.push({ path, message: `replication-method must be one of ${REPLICATION_METHODS.join(", ")}.` });
    } else if (method === "LOG_BASED") {
      errors.push({ path, message: "LOG_BASED replication is not available yet: choose FULL_TABLE or INCREMENTAL." });
    }
    const key = change["replication-key"];
    if (key !== undefined && key !== null && typeof key !== "string") errors.push({ path, message: "replication-key must be a column name." });
    return;
  }
  const column = (target.breadcrumb as Breadcrumb)[1];
  if (change.selected === true && target.metadata.inclusion === "unsupported") {
    errors.push({ path, message: `Field "${column}" has a type that cannot be replicated (inclusion: unsupported).` });
  }
  if (change.selected === false && target.metadata.inclusion === "automatic") {
    errors.push({ path, message: `Field "${column}" is a key and is always replicated (inclusion: automatic).` });
  }
}

// Rules across the stream's final state: fields need a selected stream; INCREMENTAL needs a real key column.
function checkStream(stream: CatalogStream, picked: Set<string>, errors: SelectionError[]) {
  const top = stream.metadata.find((m) => m.breadcrumb.length === 0)!.metadata;
  const fields = stream.metadata.filter((m) => m.breadcrumb.length === 2);
  if (top.selected !== true && picked.size > 0) {
    errors.push({ path: stream.tapStreamId, message: `Select the stream ${stream.tapStreamId} before its fields (${[...picked].join(", ")}).` });
  }
  if (top["replication-method"] === "INCREMENTAL") {
    const key = top["replication-key"];
    const columns = fields.filter((f) => f.metadata.inclusion !== "unsupported").map((f) => f.breadcrumb[1]);
    if (typeof key !== "string" || !columns.includes(key)) {
      errors.push({ path: stream.tapStreamId, message: `INCREMENTAL replication of ${stream.tapStreamId} needs a replication-key that is one of its columns.` });
    } else {
      const sqlType = String(fields.find((f) => f.breadcrumb[1] === key)!.metadata["sql-datatype"] ?? "");
      if (!orderedKeyType(sqlType)) {
        errors.push({
          path: stream.tapStreamId,
          message: `The replication-key "${key}" of ${stream.tapStreamId} has type ${sqlType || "unknown"}, which has no usable order: choose an integer, numeric, date, timestamp or text column.`,
        });
      }
    }
  }
}

// Replication keys need a total order the bookmark can follow: numbers, dates and times, text; not json, arrays or booleans.
const ORDERED_KEY = /^(smallint|integer|bigint|numeric|decimal|real|double precision|date|timestamp|time|text|character|varchar|char|uuid|citext)\b/;

function orderedKeyType(sqlType: string): boolean {
  return !sqlType.endsWith("]") && ORDERED_KEY.test(sqlType);
}

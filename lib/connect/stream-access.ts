// Streams of an account's source as the API and the UI see them: list, one schema, selection, last check.
import "server-only";
import type { Db } from "../db/factory";
import type { StreamSelectionInput } from "../validation/connect";
import { lastConnectionCheck, type ConnectionCheck } from "./checks";
import { applySelection, type SelectionError } from "./selection";
import { getSource } from "./sources";
import { selectionOf, streamMetadata } from "./stream-catalog";
import { loadStreams, saveSelection, type StoredStream } from "./streams";
import { fail, ok, type Result } from "./result";

// A discovered stream with its stream-level metadata; `selected` is null until first selected or deselected.
export type StreamSummary = { id: number; streamName: string; tapStreamId: string; selected: boolean | null; metadata: Record<string, unknown> };

const SELECTABLE_STEPS = ["field_selection", "fully_configured"];

async function sourceExists(db: Db, accountId: number, sourceId: number): Promise<boolean> {
  return (await db.source.count({ where: { id: sourceId, accountId } })) > 0;
}

// The discovered streams of a source, or null when the account has no such source.
export async function listStreamSummaries(db: Db, accountId: number, sourceId: number): Promise<StreamSummary[] | null> {
  if (!(await sourceExists(db, accountId, sourceId))) return null;
  return (await loadStreams(db, sourceId)).map((s) => ({
    id: s.id,
    streamName: s.streamName,
    tapStreamId: s.tapStreamId,
    selected: selectionOf(s),
    metadata: { ...streamMetadata(s), selected: selectionOf(s) },
  }));
}

// One stream with its schema and breadcrumb metadata, or null when the account has no such source or stream.
export async function getStreamDetail(db: Db, accountId: number, sourceId: number, streamId: number): Promise<StoredStream | null> {
  if (!(await sourceExists(db, accountId, sourceId))) return null;
  return (await loadStreams(db, sourceId)).find((s) => s.id === streamId) ?? null;
}

// The source's last connection check, or null when the account has no such source or it was never checked.
export async function lastCheckOf(db: Db, accountId: number, sourceId: number): Promise<ConnectionCheck | null> {
  if (!(await sourceExists(db, accountId, sourceId))) return null;
  return lastConnectionCheck(db, sourceId);
}

// Select streams and fields: allowed once discovery succeeded; every rule checked before anything is written.
export async function updateStreamMetadata(db: Db, accountId: number, sourceId: number, request: StreamSelectionInput): Promise<Result<true>> {
  const source = await getSource(db, accountId, sourceId);
  if (!source) return fail("NotFound", "The source was not found.");
  if (source.deletedAt) return fail("InvalidBody", "The source is deleted; its selection cannot change.");
  const step = source.reportCard.currentStepType;
  if (!SELECTABLE_STEPS.includes(step)) {
    return fail("InvalidBody", `Tables and columns can be selected once discovery has succeeded; this source is at the "${step}" step.`);
  }
  const outcome = applySelection(await loadStreams(db, sourceId), request);
  if (!outcome.ok) return fail("InvalidProperties", outcome.errors.map((e) => e.message).join(" "), fieldsOf(outcome.errors, request));
  await saveSelection(db, sourceId, outcome.streams);
  return ok(true);
}

// Errors keyed by dotted request path (streams.0.metadata.1), like the body's own validation errors.
function fieldsOf(errors: SelectionError[], request: StreamSelectionInput): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const { path, message } of errors) {
    const index = request.streams.findIndex((s) => s.tap_stream_id === path);
    const key = index >= 0 ? `streams.${index}` : path.replace(/\[(\d+)\]/g, ".$1");
    fields[key] = fields[key] ? `${fields[key]} ${message}` : message;
  }
  return fields;
}

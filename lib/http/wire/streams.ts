// The Connect API's stream objects: summaries, and one stream's JSON Schema (as a string) with its metadata.
import type { z } from "zod";
import { wireStreamSchema } from "../../connect/discovery/pg-types";
import type { StreamSummary } from "../../connect/stream-access";
import { NON_DISCOVERABLE_KEYS } from "../../connect/stream-catalog";
import type { StoredStream } from "../../connect/streams";
import type { streamSchemaSchema, streamSummarySchema } from "../../validation/connect";

// One discovered stream in GET /v4/sources/{source_id}/streams.
export function streamSummaryWire(s: StreamSummary): z.infer<typeof streamSummarySchema> {
  return { stream_id: s.id, stream_name: s.streamName, tap_stream_id: s.tapStreamId, selected: s.selected, metadata: s.metadata };
}

// One stream: its schema as a JSON string (like the original) and its breadcrumb metadata.
export function streamDetailWire(s: StoredStream): z.infer<typeof streamSchemaSchema> {
  return { schema: JSON.stringify(wireStreamSchema(s.schema)), metadata: s.metadata, "non-discoverable-metadata-keys": [...NON_DISCOVERABLE_KEYS] };
}

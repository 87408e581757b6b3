// The Connect API's JSON, made from domain objects in one place: the original's field names (snake_case),
// its timestamp format, and the shapes of the response schemas (responses.ts) the OpenAPI document shows.
import type { z } from "zod";
import type { AuditEventsPage } from "../audit/api-page";
import type { CheckView } from "../connect/checks";
import type { DestinationView } from "../connect/destinations";
import type { SourceView } from "../connect/sources";
import type { StreamDetail, StreamSummary } from "../connect/stream-access";
import type * as shapes from "./responses";

type Wire<S extends z.ZodType> = z.input<S>;

// A time as the API writes it: 2019-05-28T13:52:23Z (real clients parse exactly %Y-%m-%dT%H:%M:%SZ).
export function apiTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

const apiTimeOrNull = (date: Date | null) => (date ? apiTime(date) : null);

// A source as GET /v4/sources/{id} answers it.
export function sourceJson(s: SourceView): Wire<typeof shapes.sourceSchema> {
  return {
    id: s.id,
    display_name: s.displayName,
    name: s.name,
    type: s.type,
    properties: s.properties,
    schedule: null,
    paused_at: apiTimeOrNull(s.pausedAt),
    system_paused_at: apiTimeOrNull(s.systemPausedAt),
    deleted_at: apiTimeOrNull(s.deletedAt),
    created_at: apiTime(s.createdAt),
    updated_at: apiTime(s.updatedAt),
    stitch_client_id: s.accountId,
    destination_id: s.destinationId,
    check_job_name: s.checkJobName,
    report_card: s.reportCard,
  };
}

// A destination as GET /v4/destinations/{id} answers it.
export function destinationJson(d: DestinationView): Wire<typeof shapes.destinationSchema> {
  return {
    id: d.id,
    type: d.type,
    name: d.name,
    description: d.description,
    properties: d.properties,
    stitch_client_id: d.accountId,
    created_at: apiTime(d.createdAt),
    updated_at: apiTime(d.updatedAt),
  };
}

// A source's last connection check.
export function checkJson(c: CheckView): Wire<typeof shapes.connectionCheckSchema> {
  return {
    job_name: c.jobName,
    status: c.status,
    check_exit_status: c.checkExitStatus,
    discovery_exit_status: c.discoveryExitStatus,
    error: c.error,
    started_at: apiTime(c.startedAt),
    completed_at: apiTimeOrNull(c.completedAt),
  };
}

// A discovered stream in the list of a source's streams.
export function streamSummaryJson(s: StreamSummary): Wire<typeof shapes.streamSummarySchema> {
  return { stream_id: s.id, stream_name: s.streamName, tap_stream_id: s.tapStreamId, selected: s.selected, metadata: s.metadata };
}

// One stream: its JSON Schema as a string (as the original sends it) and its breadcrumb metadata.
export function streamDetailJson(s: StreamDetail): Wire<typeof shapes.streamSchemaSchema> {
  return { schema: JSON.stringify(s.schema), metadata: s.metadata, "non-discoverable-metadata-keys": s.nonDiscoverableKeys };
}

// One page of the audit trail.
export function auditPageJson(p: AuditEventsPage): Wire<typeof shapes.auditEventsPageSchema> {
  return {
    data: p.events.map((e) => ({
      id: e.id,
      created_at: apiTime(e.createdAt),
      action: e.action,
      actor: { type: e.actorType as "member" | "key" | "system", label: e.actorLabel },
      target: e.targetType && e.targetLabel ? { type: e.targetType as "key" | "member", label: e.targetLabel } : null,
      ip: e.ip,
      user_agent: e.userAgent,
    })),
    page: p.page,
    total: p.total,
    links: p.links,
  };
}

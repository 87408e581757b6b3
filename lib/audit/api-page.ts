// The account's audit events as the Connect API pages them: {data, page, total, links}, 100 per page, newest first.
import "server-only";
import type { Db } from "../db/factory";
import { listEvents, type AuditEventView } from "./events";
import { wireTime } from "../http/wire/time";

export const API_EVENTS_PER_PAGE = 100;
// Beyond this a page number is a mistake, not a request (and keeps OFFSET small enough for both databases).
export const MAX_API_PAGE = 100_000;

export type ApiAuditEvent = {
  id: number;
  created_at: string;
  action: string;
  actor: { type: string; label: string };
  target: { type: string; label: string } | null;
  ip: string | null;
  user_agent: string | null;
  count: number;
};

export type AuditEventsPage = {
  data: ApiAuditEvent[];
  page: number;
  total: number;
  links: { next?: string; previous?: string };
};

// The page number of a `?page=` query value (absent means 1), or null when it is not one.
export function parsePageParam(raw: string | null): number | null {
  if (raw === null) return 1;
  if (!/^[1-9][0-9]{0,5}$/.test(raw)) return null;
  const page = Number(raw);
  return page <= MAX_API_PAGE ? page : null;
}

function toApiEvent(e: AuditEventView): ApiAuditEvent {
  return {
    id: e.id,
    created_at: wireTime(e.createdAt),
    action: e.action,
    actor: { type: e.actorType, label: e.actorLabel },
    target: e.targetType && e.targetLabel ? { type: e.targetType, label: e.targetLabel } : null,
    ip: e.ip,
    user_agent: e.userAgent,
    count: e.count,
  };
}

// One page of the account's events; links are relative URLs to the neighbouring pages that hold events.
export async function auditEventsPage(db: Db, accountId: number, page: number, basePath = "/v4/audit-events"): Promise<AuditEventsPage> {
  const [total, { events }] = await Promise.all([
    db.auditEvent.count({ where: { accountId } }),
    listEvents(db, accountId, page, API_EVENTS_PER_PAGE),
  ]);
  const lastPage = Math.max(1, Math.ceil(total / API_EVENTS_PER_PAGE));
  const links: AuditEventsPage["links"] = {};
  if (page < lastPage) links.next = `${basePath}?page=${page + 1}`;
  // Past the end, "previous" leads back to the last page that has events.
  if (page > 1) links.previous = `${basePath}?page=${Math.min(page - 1, lastPage)}`;
  return { data: events.map(toApiEvent), page, total, links };
}

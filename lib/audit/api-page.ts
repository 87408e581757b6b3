// The account's audit events as the Connect API pages them: 100 per page, newest first.
import "server-only";
import type { Db } from "../db/factory";
import { listEvents, type AuditEventView } from "./events";

export const API_EVENTS_PER_PAGE = 100;
// Beyond this a page number is a mistake, not a request (and keeps OFFSET small enough for both databases).
export const MAX_API_PAGE = 100_000;

export type AuditEventsPage = { events: AuditEventView[]; page: number; total: number; lastPage: number };

// The page number of a `?page=` query value (absent means 1), or null when it is not one.
export function parsePageParam(raw: string | null): number | null {
  if (raw === null) return 1;
  if (!/^[1-9][0-9]{0,5}$/.test(raw)) return null;
  const page = Number(raw);
  return page <= MAX_API_PAGE ? page : null;
}

// One page of the account's events, with the total over all pages and the last page that holds events.
export async function auditEventsPage(db: Db, accountId: number, page: number): Promise<AuditEventsPage> {
  const [total, { events }] = await Promise.all([
    db.auditEvent.count({ where: { accountId } }),
    listEvents(db, accountId, page, API_EVENTS_PER_PAGE),
  ]);
  return { events, page, total, lastPage: Math.max(1, Math.ceil(total / API_EVENTS_PER_PAGE)) };
}

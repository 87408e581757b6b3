// The audit-events page and the key's view of itself, as the Connect API answers them.
import type { z } from "zod";
import type { KeyIdentity } from "../../api-keys/self";
import type { AuditEventsPage } from "../../audit/api-page";
import type { AuditEventView } from "../../audit/events";
import type { keySelfSchema } from "../../validation/api-key-self";
import type { auditEventSchema, auditEventsPageSchema } from "../../validation/audit";
import { wireTime } from "./time";

type AuditEventWire = z.infer<typeof auditEventSchema>;

function auditEventWire(e: AuditEventView): AuditEventWire {
  return {
    id: e.id,
    created_at: wireTime(e.createdAt),
    action: e.action,
    actor: { type: e.actorType as AuditEventWire["actor"]["type"], label: e.actorLabel },
    target: e.targetType && e.targetLabel ? { type: e.targetType as NonNullable<AuditEventWire["target"]>["type"], label: e.targetLabel } : null,
    ip: e.ip,
    user_agent: e.userAgent,
    count: e.count,
  };
}

// {data, page, total, links}: relative links to the neighbouring pages; past the end, "previous" leads back to
// the last page that has events.
export function auditEventsPageWire(p: AuditEventsPage, basePath = "/v4/audit-events"): z.infer<typeof auditEventsPageSchema> {
  const links: { next?: string; previous?: string } = {};
  if (p.page < p.lastPage) links.next = `${basePath}?page=${p.page + 1}`;
  if (p.page > 1) links.previous = `${basePath}?page=${Math.min(p.page - 1, p.lastPage)}`;
  return { data: p.events.map(auditEventWire), page: p.page, total: p.total, links };
}

// GET /v4/keys/self: last 4, description, account, access, expiry and allow-list.
export function keySelfWire(k: KeyIdentity): z.infer<typeof keySelfSchema> {
  return {
    last4: k.last4,
    description: k.description,
    account: k.account,
    access: k.access === "read" ? "read_only" : "full",
    expires_at: wireTime(k.expiresAt),
    allowed_ips: k.allowedCidrs,
    created_at: wireTime(k.createdAt),
  };
}

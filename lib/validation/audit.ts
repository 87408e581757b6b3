// Response shapes of the audit-events endpoint (they make its OpenAPI document).
import { z } from "zod";

export const auditEventSchema = z
  .object({
    id: z.number().int(),
    created_at: z.string().meta({ description: "ISO 8601, UTC." }),
    action: z.string().meta({ description: "key.created, key.disabled, key.enabled, key.deleted, key.auto_disabled, key.leaked (a secret scanner reported it; the target says where it was found), key.rolled, key.updated (one event per changed field, with before → after), key.address_refused (a request from outside the key's allow-list; ip is that address), member.invited, member.joined, member.removed, member.role_changed, signin.failed (one event per address and 15 minutes, with a count), invitation.revoked, invitation.expired_with_inviter, source.created, source.updated, source.paused, source.resumed, source.deleted, source.checked, destination.created, destination.updated, destination.deleted, job.started, job.stopped, notification.email_created|email_disabled|email_enabled|email_deleted, notification.hook_created|hook_disabled|hook_enabled|hook_deleted" }),
    actor: z.object({
      type: z.enum(["member", "key", "system"]),
      label: z.string().meta({ description: "The member's email, `API key ending …`, or the system's name." }),
    }),
    target: z.object({ type: z.enum(["key", "member", "invitation", "source", "destination", "notification"]), label: z.string() }).nullable(),
    ip: z.string().nullable(),
    user_agent: z.string().nullable(),
    count: z.number().int().min(1).meta({ description: "How many times it happened: failed sign-ins are one event per email, address and 15 minutes; 1 for every other event." }),
  })
  .meta({ id: "AuditEvent" });

export const auditEventsPageSchema = z
  .object({
    data: z.array(auditEventSchema).meta({ description: "Up to 100 events, newest first." }),
    page: z.number().int().min(1),
    total: z.number().int().min(0).meta({ description: "Events of the account over all pages." }),
    links: z
      .object({ next: z.string().optional(), previous: z.string().optional() })
      .meta({ description: "Relative URLs of the neighbouring pages (`/v4/audit-events?page=3`); `{}` when one page holds everything." }),
  })
  .meta({ id: "AuditEventsPage" });

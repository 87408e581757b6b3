// The notifications API's objects as the original's clients read them (snake_case, `2019-07-16T16:51:20Z` times).
import type { z } from "zod";
import type { CustomEmail, Hook, HookDelivery } from "../../notifications/views";
import type { customEmailSchema, hookDeliverySchema, hookSchema } from "../../validation/notifications";
import { wireTime } from "./time";

// One custom notification email.
export function customEmailWire(e: CustomEmail): z.infer<typeof customEmailSchema> {
  return {
    id: e.id,
    client_id: e.accountId,
    email_address: e.emailAddress,
    created_at: wireTime(e.createdAt),
    modified_at: wireTime(e.updatedAt),
    disabled_at: wireTime(e.disabledAt),
  };
}

// One post-load hook (never its secret, which only the creation answer carries).
export function hookWire(h: Hook): z.infer<typeof hookSchema> {
  return {
    id: h.id,
    client_id: h.accountId,
    type: h.type as "post_load",
    version: h.version,
    destination_id: h.destinationId,
    config: { url: h.url },
    created_at: wireTime(h.createdAt),
    modified_at: wireTime(h.updatedAt),
    disabled_at: wireTime(h.disabledAt),
  };
}

// One attempt of the hook delivery log (our addition).
export function hookDeliveryWire(d: HookDelivery): z.infer<typeof hookDeliverySchema> {
  return {
    id: d.id,
    delivery_id: d.deliveryId,
    attempt: d.attempt,
    outcome: d.outcome as z.infer<typeof hookDeliverySchema>["outcome"],
    response_status: d.responseStatus,
    error: d.error,
    duration_ms: d.durationMs,
    created_at: wireTime(d.createdAt),
  };
}

// The notifications API's objects as the original's clients read them (snake_case, `2019-07-16T16:51:20Z` times).
import "server-only";
import type { Db } from "../db/factory";

type EmailRow = Awaited<ReturnType<Db["notificationEmail"]["findFirstOrThrow"]>>;
type HookRow = Awaited<ReturnType<Db["notificationHook"]["findFirstOrThrow"]>>;
type DeliveryRow = Awaited<ReturnType<Db["hookDelivery"]["findFirstOrThrow"]>>;

import { wireTime as apiTime } from "../http/wire/time";

const timeOrNull = (date: Date | null) => apiTime(date);

export type CustomEmailView = {
  id: number;
  client_id: number;
  email_address: string;
  created_at: string;
  modified_at: string;
  disabled_at: string | null;
};

export function customEmailView(row: EmailRow): CustomEmailView {
  return {
    id: row.id,
    client_id: row.accountId,
    email_address: row.emailAddress,
    created_at: apiTime(row.createdAt),
    modified_at: apiTime(row.updatedAt),
    disabled_at: timeOrNull(row.disabledAt),
  };
}

export type HookView = {
  id: number;
  client_id: number;
  type: string;
  version: number;
  destination_id: number;
  config: { url: string };
  created_at: string;
  modified_at: string;
  disabled_at: string | null;
};

export function hookView(row: HookRow): HookView {
  return {
    id: row.id,
    client_id: row.accountId,
    type: row.type,
    version: row.version,
    destination_id: row.destinationId,
    config: { url: row.url },
    created_at: apiTime(row.createdAt),
    modified_at: apiTime(row.updatedAt),
    disabled_at: timeOrNull(row.disabledAt),
  };
}

export type HookDeliveryView = {
  id: number;
  delivery_id: string;
  attempt: number;
  outcome: string;
  response_status: number | null;
  error: string | null;
  duration_ms: number;
  created_at: string;
};

export function hookDeliveryView(row: DeliveryRow): HookDeliveryView {
  return {
    id: row.id,
    delivery_id: row.deliveryId,
    attempt: row.attempt,
    outcome: row.outcome,
    response_status: row.responseStatus,
    error: row.error,
    duration_ms: row.durationMs,
    created_at: apiTime(row.createdAt),
  };
}

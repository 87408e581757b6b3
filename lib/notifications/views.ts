// The notifications domain's objects (custom emails, post-load hooks, delivery attempts), made from their rows.
// A hook's sealed signing secret stays in the row.
import "server-only";
import type { Db } from "../db/factory";

type EmailRow = Awaited<ReturnType<Db["notificationEmail"]["findFirstOrThrow"]>>;
type HookRow = Awaited<ReturnType<Db["notificationHook"]["findFirstOrThrow"]>>;
type DeliveryRow = Awaited<ReturnType<Db["hookDelivery"]["findFirstOrThrow"]>>;

export type CustomEmail = { id: number; accountId: number; emailAddress: string; createdAt: Date; updatedAt: Date; disabledAt: Date | null };

// The custom email of a row.
export function toCustomEmail(row: EmailRow): CustomEmail {
  return { id: row.id, accountId: row.accountId, emailAddress: row.emailAddress, createdAt: row.createdAt, updatedAt: row.updatedAt, disabledAt: row.disabledAt };
}

export type Hook = {
  id: number;
  accountId: number;
  type: string;
  version: number;
  destinationId: number;
  url: string;
  createdAt: Date;
  updatedAt: Date;
  disabledAt: Date | null;
};

// The hook of a row, without its secret.
export function toHook(row: HookRow): Hook {
  return {
    id: row.id,
    accountId: row.accountId,
    type: row.type,
    version: row.version,
    destinationId: row.destinationId,
    url: row.url,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    disabledAt: row.disabledAt,
  };
}

export type HookDelivery = {
  id: number;
  deliveryId: string;
  attempt: number;
  outcome: string;
  responseStatus: number | null;
  error: string | null;
  durationMs: number;
  createdAt: Date;
};

// The delivery attempt of a row.
export function toHookDelivery(row: DeliveryRow): HookDelivery {
  return {
    id: row.id,
    deliveryId: row.deliveryId,
    attempt: row.attempt,
    outcome: row.outcome,
    responseStatus: row.responseStatus,
    error: row.error,
    durationMs: row.durationMs,
    createdAt: row.createdAt,
  };
}

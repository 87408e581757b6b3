// Post-load hook delivery: after a load into a destination, each enabled hook on it receives the payload as a
// signed JSON POST, retried with backoff after 5xx answers, timeouts and network errors (a bounded number of
// times). Every attempt is written to the delivery log as it ends.
import "server-only";
import { createHmac, randomUUID } from "node:crypto";
import type { SecretBox } from "../crypto/secret-box";
import type { Db } from "../db/factory";
import { hookSecretContext } from "./hook-secret";
import { postHook } from "./hook-request";
import type { HostEnv } from "./hook-url-rules";

export const SIGNATURE_HEADER = "X-Bobbin-Signature";
export const TIMESTAMP_HEADER = "X-Bobbin-Timestamp";
export const DELIVERY_HEADER = "X-Bobbin-Delivery";

export type DeliveryOptions = {
  db: Db;
  box: SecretBox;
  // Waits before the 2nd, 3rd … attempt; their number bounds the retries.
  backoffMs?: readonly number[];
  timeoutMs?: number;
  env?: HostEnv;
};

export const DEFAULT_BACKOFF_MS = [1_000, 5_000, 30_000] as const;
export const DEFAULT_TIMEOUT_MS = 10_000;

export type DeliveryResult = { hookId: number; deliveryId: string; delivered: boolean; attempts: number };

// The signature a receiver recomputes: hex HMAC-SHA256, keyed with the hook's secret, of "<timestamp>.<body>".
export function signHookBody(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

// Send a post-load notification for one load to every enabled hook on the destination; resolves when each has
// been delivered or given up on.
export async function deliverPostLoad(accountId: number, destinationId: number, payload: unknown, options: DeliveryOptions): Promise<DeliveryResult[]> {
  const hooks = await options.db.notificationHook.findMany({
    where: { accountId: accountId, destinationId, type: "post_load", disabledAt: null },
    select: { id: true, url: true, secret: true },
  });
  const body = JSON.stringify(payload);
  return Promise.all(hooks.map((hook) => deliverToHook(hook, body, options).catch((failure) => unexpected(hook.id, failure))));
}

// One hook's unexpected failure (its secret cannot be opened, the database is gone) never stops the others'.
function unexpected(hookId: number, failure: unknown): DeliveryResult {
  console.error(`hooks: delivery to hook ${hookId} failed: ${String((failure as Error)?.message ?? failure).split("\n")[0].slice(0, 200)}`);
  return { hookId, deliveryId: "", delivered: false, attempts: 0 };
}

const retryable = (status: number) => status >= 500 || status === 408 || status === 429;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function deliverToHook(hook: { id: number; url: string; secret: string }, body: string, options: DeliveryOptions): Promise<DeliveryResult> {
  const { db, box, backoffMs = DEFAULT_BACKOFF_MS, timeoutMs = DEFAULT_TIMEOUT_MS, env = process.env } = options;
  const deliveryId = randomUUID();
  const secret = box.open(hook.secret, hookSecretContext(hook.id));
  const maxAttempts = backoffMs.length + 1;
  for (let attempt = 1; ; attempt++) {
    const timestamp = String(Math.floor(Date.now() / 1000));
    const headers = { [SIGNATURE_HEADER]: signHookBody(secret, timestamp, body), [TIMESTAMP_HEADER]: timestamp, [DELIVERY_HEADER]: deliveryId, "User-Agent": "Bobbin-Hooks/1" };
    const started = Date.now();
    let status: number | null = null;
    let error: string | null = null;
    try {
      status = (await postHook(hook.url, body, headers, timeoutMs, env)).status;
      if (status < 200 || status >= 300) error = `The receiver answered ${status}.`;
    } catch (failure) {
      error = String((failure as Error).message ?? failure).split("\n")[0].slice(0, 300);
    }
    const succeeded = error === null;
    const again = !succeeded && attempt < maxAttempts && (status === null || retryable(status));
    const outcome = succeeded ? "succeeded" : again ? "failed" : "abandoned";
    await logAttempt(db, { hookId: hook.id, deliveryId, attempt, outcome, responseStatus: status, error, durationMs: Date.now() - started });
    if (!again) return { hookId: hook.id, deliveryId, delivered: succeeded, attempts: attempt };
    await sleep(backoffMs[attempt - 1]);
    // A hook disabled or deleted meanwhile gets no more attempts.
    if (!(await db.notificationHook.findFirst({ where: { id: hook.id, disabledAt: null }, select: { id: true } }))) {
      return { hookId: hook.id, deliveryId, delivered: false, attempts: attempt };
    }
  }
}

type Attempt = { hookId: number; deliveryId: string; attempt: number; outcome: string; responseStatus: number | null; error: string | null; durationMs: number };

// Write one attempt to the log; a log that cannot be written (the hook was just deleted) never fails the load.
async function logAttempt(db: Db, attempt: Attempt): Promise<void> {
  try {
    await db.hookDelivery.create({ data: attempt });
  } catch (failure) {
    console.error(`hooks: delivery log of hook ${attempt.hookId} not written: ${String((failure as Error).message).split("\n")[0].slice(0, 200)}`);
  }
}

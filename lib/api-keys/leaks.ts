// Leak reports from a secret scanner (GitHub's secret-scanning partner program shape): the sender's ECDSA
// signature over the raw body is checked against the operator's public keys, then every reported token that is
// a Bobbin key is disabled at once, audited with where it was found, and its account's owners are told.
// Tokens never reach a log: only key ids and last 4 characters do.
import "server-only";
import { createPublicKey, verify, type KeyObject } from "node:crypto";
import { z } from "zod";
import { keyLabel, recordEvent, type RequestMeta } from "../audit/events";
import type { Db } from "../db/factory";
import { sendKeyLeakedEmail } from "../mail";
import { hashApiKey } from "./hash";
import { isWellFormedApiKey } from "./token";

export type LeakPublicKey = { identifier: string; key: KeyObject };

// KEY_LEAK_PUBLIC_KEYS: the scanner's public keys with their identifiers, as JSON. Accepted as GitHub publishes
// them (https://api.github.com/meta/public_keys/secret_scanning: {"public_keys": [{"key_identifier", "key"}]}),
// or as a bare array of such objects; "key" is a PEM "PUBLIC KEY" (ECDSA P-256). Unset or empty: no keys, so
// every report is refused. A malformed value throws (the operator's mistake must not pass silently).
export function parseLeakPublicKeys(value: string | undefined): LeakPublicKey[] {
  if (!value || value.trim() === "") return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw new Error('KEY_LEAK_PUBLIC_KEYS must be JSON: {"public_keys":[{"key_identifier":"…","key":"-----BEGIN PUBLIC KEY-----…"}]}.');
  }
  const list = Array.isArray(parsed) ? parsed : (parsed as { public_keys?: unknown })?.public_keys;
  const entries = z.array(z.object({ key_identifier: z.string().min(1), key: z.string().min(1) })).safeParse(list);
  if (!entries.success) throw new Error("KEY_LEAK_PUBLIC_KEYS: every entry needs a key_identifier and a PEM key.");
  return entries.data.map((entry) => {
    let key: KeyObject;
    try {
      key = createPublicKey(entry.key.replace(/\\n/g, "\n"));
    } catch {
      throw new Error(`KEY_LEAK_PUBLIC_KEYS: the key "${entry.key_identifier}" is not a PEM public key.`);
    }
    if (key.asymmetricKeyType !== "ec" || key.asymmetricKeyDetails?.namedCurve !== "prime256v1") {
      throw new Error(`KEY_LEAK_PUBLIC_KEYS: the key "${entry.key_identifier}" is not an ECDSA P-256 key.`);
    }
    return { identifier: entry.key_identifier, key };
  });
}

export type SignatureCheck = "valid" | "unsigned" | "unknown_key" | "bad_signature";

// The signature is base64 (DER-encoded ECDSA, SHA-256) of the raw body, made with the key named by the identifier.
export function checkLeakSignature(keys: LeakPublicKey[], body: Uint8Array, identifier: string | null, signature: string | null): SignatureCheck {
  if (!identifier || !signature) return "unsigned";
  const key = keys.find((k) => k.identifier === identifier.trim());
  if (!key) return "unknown_key";
  const bytes = Buffer.from(signature.trim(), "base64");
  if (bytes.length === 0) return "bad_signature";
  try {
    return verify("sha256", body, { key: key.key, dsaEncoding: "der" }, bytes) ? "valid" : "bad_signature";
  } catch {
    return "bad_signature";
  }
}

export const MAX_LEAKS_PER_REPORT = 1000;

export const leakReportSchema = z
  .array(
    z.object({
      token: z.string().min(1).max(1000),
      type: z.string().max(200).default(""),
      url: z.string().max(2000).default(""),
      source: z.string().max(100).default(""),
    }),
  )
  .min(1)
  .max(MAX_LEAKS_PER_REPORT);

export type LeakReport = z.output<typeof leakReportSchema>;
export type LeakLabel = "true_positive" | "false_positive";
// The partner program's answer, one per reported token, in the order reported.
export type LeakAnswer = { token_raw: string; token_type: string; label: LeakLabel };

export type LeakedKeyNotice = {
  accountId: number;
  accountName: string;
  keyLabel: string;
  url: string;
  source: string;
  ownerEmails: string[];
};

// Handing a notice to the owners (e-mail); returns whether anything was sent. Errors are the caller's to swallow.
export type LeakNotifier = (notice: LeakedKeyNotice) => Promise<boolean>;

export type LeakOutcome = { answers: LeakAnswer[]; disabledKeyIds: number[] };

function whereFound(url: string, source: string): string {
  const at = url ? `found at ${url}` : "found by a secret scanner";
  return source ? `${at} (source: ${source})` : at;
}

// Act on a verified report. A token is a true positive when it is a Bobbin key (enabled or already disabled):
// it is disabled (reason "leaked"), and a key.leaked event names where it was found. Anything else is a false
// positive and changes nothing.
export async function processLeakReport(db: Db, pepper: string, report: LeakReport, notify?: LeakNotifier, meta: RequestMeta = {}): Promise<LeakOutcome> {
  const answers: LeakAnswer[] = [];
  const disabledKeyIds: number[] = [];
  const seen = new Map<string, LeakLabel>();
  for (const item of report) {
    const known = seen.get(item.token);
    if (known) {
      answers.push({ token_raw: item.token, token_type: item.type, label: known });
      continue;
    }
    const hit = isWellFormedApiKey(item.token) ? await disableLeakedKey(db, hashApiKey(item.token, pepper), item, meta) : null;
    const label: LeakLabel = hit ? "true_positive" : "false_positive";
    seen.set(item.token, label);
    answers.push({ token_raw: item.token, token_type: item.type, label });
    if (!hit) continue;
    disabledKeyIds.push(hit.keyId);
    // Owners are e-mailed when a live key is disabled; a key reported again (a scanner's retry, another place) is
    // recorded in Activity without another e-mail.
    if (notify && hit.wasEnabled && hit.notice.ownerEmails.length) {
      await notify(hit.notice).catch((error: Error) => console.error(`key leak notice for key ${hit.keyId} failed: ${error.message.split("\n")[0].slice(0, 200)}`));
    }
  }
  return { answers, disabledKeyIds };
}

async function disableLeakedKey(db: Db, hash: string, item: LeakReport[number], meta: RequestMeta) {
  // A look-alike (well-formed, unknown) costs one indexed read and no write transaction.
  if (!(await db.apiKey.findUnique({ where: { hash }, select: { id: true } }))) return null;
  return db.$transaction(async (tx) => {
    // Write first (SQLite then holds the write lock for the whole transaction).
    const disabled = await tx.apiKey.updateMany({ where: { hash, status: "enabled" }, data: { status: "disabled", disabledReason: "leaked" } });
    const wasEnabled = disabled.count === 1;
    if (!wasEnabled && (await tx.apiKey.updateMany({ where: { hash }, data: { disabledReason: "leaked" } })).count === 0) return null;
    const key = await tx.apiKey.findUniqueOrThrow({ where: { hash }, select: { id: true, accountId: true, last4: true, description: true } });
    const found = whereFound(item.url, item.source);
    const label = `${keyLabel(key)}${wasEnabled ? "" : " (already disabled)"} ${found}`;
    await recordEvent(tx, { accountId: key.accountId, action: "key.leaked", actor: { type: "system", label: "Secret scanner" }, target: { type: "key", label }, meta });
    const account = await tx.account.findUniqueOrThrow({ where: { id: key.accountId }, select: { name: true } });
    const owners = await tx.membership.findMany({ where: { accountId: key.accountId, role: "owner" }, select: { user: { select: { email: true } } } });
    const notice: LeakedKeyNotice = {
      accountId: key.accountId,
      accountName: account.name,
      keyLabel: keyLabel(key),
      url: item.url,
      source: item.source,
      ownerEmails: owners.map((o) => o.user.email),
    };
    return { keyId: key.id, notice, wasEnabled };
  });
}

// The notice as e-mail to every owner (when SMTP_URL is set; otherwise nothing is sent and the key.leaked event
// in Activity is the notice). Returns whether any message was handed to the SMTP server.
export const emailLeakNotice: LeakNotifier = async (notice) => {
  let sent = false;
  for (const to of notice.ownerEmails) {
    sent = (await sendKeyLeakedEmail(to, notice.accountName, notice.keyLabel, whereFound(notice.url, notice.source)).catch(() => false)) || sent;
  }
  return sent;
};

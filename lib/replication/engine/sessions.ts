// Connections of the engine: session settings that make every value's text form round-trip exactly, errors
// tagged with the side that failed, and messages scrubbed of passwords.
import "server-only";
import pg from "pg";
import type { PgEndpoint } from "./types";

export type Side = "source" | "destination";

// Text forms independent of the servers' defaults (UTC instants, ISO dates, shortest exact floats, literal
// backslashes in string literals); no server-side timeout ends a long COPY or an open source snapshot
// (the job runner bounds a job's duration). Sent as SET statements after connecting, not in the startup
// `options` parameter, which connection poolers may ignore or refuse.
const SETTINGS = [
  "TimeZone = 'UTC'", "DateStyle = 'ISO, MDY'", "IntervalStyle = 'postgres'", "extra_float_digits = 3", "client_encoding = 'UTF8'",
  "standard_conforming_strings = on", "statement_timeout = 0", "idle_in_transaction_session_timeout = 0",
].map((s) => `SET ${s};`).join(" ");

// An error of one side of the run, with the database's SQLSTATE when it has one.
export class SideError extends Error {
  constructor(
    readonly side: Side,
    message: string,
    readonly sqlState?: string,
  ) {
    super(message);
  }
}

// Remove every password from a text that may reach a log, an event or a job record.
export function scrub(message: string, secrets: (string | undefined)[]): string {
  let out = message;
  for (const s of secrets) if (s) out = out.split(s).join("********");
  return out;
}

// Turn anything thrown into a SideError of `side` (keeping an existing tag), scrubbed.
export function toSideError(error: unknown, side: Side, secrets: (string | undefined)[]): SideError {
  if (error instanceof SideError) return error;
  const e = error as { message?: string; code?: string };
  const sqlState = typeof e?.code === "string" && /^[0-9A-Z]{5}$/.test(e.code) ? e.code : undefined;
  return new SideError(side, scrub(e?.message || String(error), secrets), sqlState);
}

// Open a session with the engine's settings applied.
export async function openSession(endpoint: PgEndpoint, side: Side): Promise<pg.Client> {
  const client = new pg.Client({
    host: endpoint.host,
    port: endpoint.port,
    database: endpoint.database,
    user: endpoint.user,
    password: endpoint.password,
    ssl: endpoint.ssl || false,
    connectionTimeoutMillis: 10_000,
    keepAlive: true, // a vanished peer is noticed, so its transaction does not hold locks for ever
    application_name: side === "source" ? "bobbin-tap" : "bobbin-target",
  });
  client.on("error", () => {}); // a dropped connection surfaces through the pending query
  try {
    await client.connect();
    await client.query(SETTINGS);
  } catch (error) {
    await client.end().catch(() => {});
    throw toSideError(error, side, [endpoint.password]);
  }
  return client;
}

// Close a session now, whatever it is doing (an active COPY included): the server rolls back its transaction.
export async function closeSession(client: pg.Client | null | undefined): Promise<void> {
  if (!client) return;
  const stream = (client as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream;
  const ended = client.end().catch(() => {});
  const timeout = new Promise<void>((resolve) => setTimeout(resolve, 1_000).unref());
  await Promise.race([ended, timeout]);
  stream?.destroy();
}

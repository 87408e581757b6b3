// A connection failure as its class ("could not connect", "authentication failed", "database does not exist",
// "timed out"), never with an address, a password or a driver's stack.
export type FailureClass = "could not connect" | "authentication failed" | "database does not exist" | "timed out" | "TLS failed";

const AUTH_CODES = new Set(["28P01", "28000"]);
const TIMEOUT = /timeout|timed out|ETIMEDOUT/i;
const TLS = /SSL|TLS|certificate|self[- ]signed|CERT_|ERR_TLS/i;

// The class of a driver error.
export function failureClass(error: unknown): FailureClass {
  const e = (error ?? {}) as { code?: string; message?: string };
  const message = e.message ?? "";
  if (e.code && AUTH_CODES.has(e.code)) return "authentication failed";
  if (e.code === "3D000") return "database does not exist";
  if (e.code === "ETIMEDOUT" || TIMEOUT.test(message)) return "timed out";
  if ((e.code && /^(ERR_TLS|CERT_|DEPTH_ZERO|UNABLE_TO|SELF_SIGNED)/.test(e.code)) || TLS.test(message)) return "TLS failed";
  return "could not connect";
}

const quote = (value: string | undefined) => JSON.stringify((value ?? "").slice(0, 100));

const HINTS: Record<FailureClass, (c: FailureContext) => string> = {
  "could not connect": () => "the server could not be reached at that host and port.",
  "authentication failed": (c) => `the server refused user ${quote(c.user)} or its password.`,
  "database does not exist": (c) => `the server has no database ${quote(c.database)}.`,
  "timed out": () => "the server did not answer in time.",
  "TLS failed": () => "the secure connection could not be set up or its certificate was not trusted.",
};

// What the user typed, which a message may repeat (never an address we resolved, never the password).
export type FailureContext = { user?: string; database?: string };

// The one-line message a check records and an API client sees.
export function describeFailure(error: unknown, context: FailureContext = {}): string {
  const kind = failureClass(error);
  return `${kind}: ${HINTS[kind](context)}`;
}

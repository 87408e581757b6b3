// Expected failures of the Connect domain, as values; the HTTP layer maps the type to a status.
export type FailureType = "NotFound" | "InvalidProperties" | "InvalidBody" | "Conflict";
export type Failure = { ok: false; type: FailureType; message: string; fields?: Record<string, string> };
export type Result<T> = { ok: true; value: T } | Failure;

export const fail = (type: FailureType, message: string, fields?: Record<string, string>): Failure => ({ ok: false, type, message, fields });
export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

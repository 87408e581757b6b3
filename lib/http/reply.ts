// Handler answers made from domain results: the serialized value, or the failure as it came.
import { fail, ok, type Failure } from "../connect/result";

// A result with its value serialized.
export function mapped<T, W>(result: { ok: true; value: T } | Failure, toWire: (value: T) => W): { ok: true; value: W } | Failure {
  return result.ok ? ok(toWire(result.value)) : result;
}

// A value that may be missing: serialized, or 404 naming what was not found.
export function found<T, W>(value: T | null, what: string, toWire: (value: T) => W): { ok: true; value: W } | Failure {
  return value === null ? fail("NotFound", `${what} was not found.`) : ok(toWire(value));
}

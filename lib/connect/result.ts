// Expected failures of the Connect domain, as values of the one Result (lib/result.ts); the HTTP layer maps the code to a status.
import { fail as failWith, type Failure as AnyFailure, type Result as AnyResult } from "../result";

export type FailureType = "NotFound" | "InvalidProperties" | "InvalidBody" | "Conflict";
export type Failure = AnyFailure<FailureType>;
export type Result<T> = AnyResult<T, FailureType>;

export const fail = (type: FailureType, message: string, fields?: Record<string, string>): Failure => failWith(type, message, fields);
export { ok } from "../result";

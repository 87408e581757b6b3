// Domain outcomes as values: ok with a value, or a typed failure with a message (and the fields it concerns).
// Expected failures (not found, limit reached, invalid input, a rule) are results; only the unexpected throws.
import "server-only";
import type { Db, Tx } from "./db/factory";

export type Failure<C extends string = string> = { ok: false; code: C; message: string; fields?: Record<string, string> };
export type Result<T, C extends string = string> = { ok: true; value: T } | Failure<C>;

// A success.
export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });

// A failure with its code, message and (optionally) the fields it concerns.
export function fail<C extends string>(code: C, message: string, fields?: Record<string, string>): Failure<C> {
  return fields ? { ok: false, code, message, fields } : { ok: false, code, message };
}

// A failure maker for a domain whose codes each have one fixed message.
export function failures<C extends string>(messages: Record<C, string>): (code: C) => Failure<C> {
  return (code) => fail(code, messages[code]);
}

// Thrown inside a transaction to roll it back; inTransaction turns it into its failure.
class Refusal extends Error {
  constructor(readonly failure: Failure) {
    super(failure.message);
  }
}

// Refuse inside a transaction: everything it wrote is rolled back and the result is this failure.
export function refuse(failure: Failure): never {
  throw new Refusal(failure);
}

export const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === "P2002";

type TxOptions = { maxWait?: number; timeout?: number; onUniqueViolation?: Failure };

// Run work in one transaction: its value on commit; a refusal (or, when given, a unique violation) as the failure.
export async function inTransaction<T, C extends string = string>(db: Db, work: (tx: Tx) => Promise<T>, options: TxOptions = {}): Promise<Result<T, C>> {
  const { onUniqueViolation, ...tx } = options;
  try {
    return ok(await db.$transaction(work, tx));
  } catch (error) {
    if (error instanceof Refusal) return error.failure as Failure<C>;
    if (onUniqueViolation && isUniqueViolation(error)) return onUniqueViolation as Failure<C>;
    throw error;
  }
}

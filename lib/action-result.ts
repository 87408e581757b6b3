// The one result type of every server action: expected failures are results, not throws.
export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | { ok: false; error: string; fieldErrors?: Record<string, string[] | undefined> };

// The messages every form may show, each written once.
export const SIGNED_OUT = "Your session has ended or you are no longer a member of this account. Sign in again.";
export const NO_ANSWER = "The server did not answer. Try again.";

// The one pipeline of every server action: parse the form with the action's schema → who is calling (a member of
// the account the page was rendered for, the signed-in user, or anyone) → request metadata → one domain call →
// revalidate → one ActionResult. Every action is then a declaration of those few parts, in the shape React's
// useActionState calls: (previous result, form) → result (components/forms/use-form-action.ts).
import "server-only";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { z } from "zod";
import type { ActionResult } from "@/lib/action-result";
import type { RequestMeta } from "@/lib/audit/events";
import type { Member } from "@/lib/auth/membership";
import { getSessionUser, memberForAction, type SessionUser } from "@/lib/auth/session";
import { requestMetaFrom } from "@/lib/request-meta";
import type { Failure, Result } from "@/lib/result";

export const SIGNED_OUT = "Your session has ended or you are no longer a member of this account. Sign in again.";
export const SIGN_IN_FIRST = "Sign in first.";
export const CHECK_FIELDS = "Check the highlighted fields.";

type Spec<I, C, T, D> = {
  // The form's fields.
  schema: z.ZodType<I>;
  // Said instead of field errors when the form does not parse (a target that cannot be found, say).
  invalid?: string;
  // Checks of the parsed input that need no database (a failure's fields become field errors).
  check?: (input: I) => Failure | null;
  // The one domain call.
  run: (ctx: { input: I; meta: RequestMeta } & C) => Promise<Result<T>>;
  // What the browser gets back of the domain's value (nothing by default: it may hold what the page must not).
  data?: (value: T, input: I) => D | Promise<D>;
  // How a refusal reads when its fields are not shown beside inputs (default: the failure's message).
  refused?: (failure: Failure) => string;
  // false for an action that only reads (a poll): the page is not rendered again for it.
  revalidate?: false;
};

export type ServerAction<D> = (previous: unknown, form: FormData) => Promise<ActionResult<D>>;

// Who may call: the caller's part of the context, or null (with what to say) when there is none.
type Gate<I, C> = { caller: (input: I) => Promise<C | null>; refusal: string };

function pipeline<I, C, T, D>(spec: Spec<I, C, T, D>, gate: Gate<I, C>): ServerAction<D> {
  return async (_previous, form) => {
    const parsed = spec.schema.safeParse(Object.fromEntries(form));
    if (!parsed.success) return invalid(parsed.error, spec.invalid);
    const checked = spec.check?.(parsed.data);
    if (checked) return refusal(checked);
    const caller = await gate.caller(parsed.data);
    if (!caller) return { ok: false, error: gate.refusal };
    const result = await spec.run({ input: parsed.data, meta: requestMetaFrom(await headers()), ...caller });
    // One rule, whatever the page: the pages show what the action changed.
    if (spec.revalidate !== false) revalidatePath("/", "layout");
    if (!result.ok) return spec.refused ? { ok: false, error: spec.refused(result) } : refusal(result);
    return { ok: true, data: spec.data ? await spec.data(result.value, parsed.data) : (undefined as D) };
  };
}

// An action of the console: `accountId` names the account the page was rendered for, and the caller must (still) be
// a member of it.
export function memberAction<I extends { accountId: number }, T, D = undefined>(spec: Spec<I, { member: Member }, T, D>) {
  return pipeline(spec, {
    caller: async (input) => {
      const member = await memberForAction(input.accountId);
      return member ? { member } : null;
    },
    refusal: SIGNED_OUT,
  });
}

// An action of whoever is signed in, in no account yet (accepting an invitation as yourself).
export function signedInAction<I, T, D = undefined>(spec: Spec<I, { user: SessionUser }, T, D>) {
  return pipeline(spec, {
    caller: async () => {
      const user = await getSessionUser();
      return user ? { user } : null;
    },
    refusal: SIGN_IN_FIRST,
  });
}

// An action anyone may call; what it acts on carries its own proof (an invitation's token).
export function openAction<I, T, D = undefined>(spec: Spec<I, object, T, D>) {
  return pipeline(spec, { caller: async () => ({}), refusal: SIGN_IN_FIRST });
}

function invalid(error: z.ZodError, message?: string): ActionResult<never> {
  if (message) return { ok: false, error: message };
  return { ok: false, error: CHECK_FIELDS, fieldErrors: z.flattenError(error).fieldErrors as Record<string, string[]> };
}

// A domain refusal as a form shows it: its message, and each field's error at the field (Connect's
// `properties.host` is the form's `host`).
function refusal(failure: Failure): ActionResult<never> {
  if (!failure.fields) return { ok: false, error: failure.message };
  const fieldErrors = Object.fromEntries(Object.entries(failure.fields).map(([k, v]) => [k.replace(/^properties\./, ""), [v]]));
  return { ok: false, error: failure.message, fieldErrors };
}

// The one pipeline of every server action: parse the form with its schema → who is calling (the member of the
// form's account, the signed-in user, or anyone) → request metadata → one domain call → revalidate → one ActionResult.
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { z } from "zod";
import type { ActionResult } from "@/lib/action-result";
import type { RequestMeta } from "@/lib/audit/events";
import { getSessionUser, memberForAction, type SessionUser } from "@/lib/auth/session";
import type { Member } from "@/lib/members";
import { requestMetaFrom } from "@/lib/request-meta";
import type { Failure, Result } from "@/lib/result";

export const SIGNED_OUT = "Your session has ended or you are no longer a member of this account. Sign in again.";
const SIGN_IN_FIRST = "Sign in first.";

// member: a member of the account the form's workspaceId names (the account the page was rendered for).
type Callers = { member: Member; user: SessionUser; anyone: null };
export type Caller = keyof Callers;
export type ActionContext<W extends Caller = "member"> = { caller: Callers[W]; meta: RequestMeta };

type Spec<S extends z.ZodType, W extends Caller, V, T> = {
  schema: S;
  caller: W;
  // Said when the input is refused, for forms of hidden fields only (what they name cannot be found).
  invalid?: string;
  // The one domain call; its failure (with the fields it concerns) is the action's failure.
  run: (input: z.output<S>, context: ActionContext<W>) => Promise<Result<V>>;
  // What the client receives of the value (nothing unless given).
  reply?: (value: V, input: z.output<S>) => T | Promise<T>;
  // A read (the panel's polling) changes nothing, so it refreshes no page.
  read?: boolean;
};

// A server action built on the pipeline, in the shape useActionState calls: (previous result, form) → result.
export function serverAction<S extends z.ZodType, W extends Caller, V, T = undefined>(spec: Spec<S, W, V, T>) {
  return async (_previous: unknown, form: FormData): Promise<ActionResult<T>> => {
    const input = spec.schema.safeParse(Object.fromEntries(form));
    if (!input.success) return spec.invalid ? { ok: false, error: spec.invalid } : invalid(input.error);
    const caller = await callerOf(spec.caller, form);
    if (caller === undefined) return { ok: false, error: spec.caller === "member" ? SIGNED_OUT : SIGN_IN_FIRST };
    const result = await spec.run(input.data, { caller, meta: requestMetaFrom(await headers()) });
    if (!spec.read) revalidatePath("/", "layout");
    if (!result.ok) return refused(result);
    return { ok: true, data: (spec.reply ? await spec.reply(result.value, input.data) : undefined) as T };
  };
}

// The caller the action needs, or undefined when there is none (signed out, or not a member of the form's account).
async function callerOf<W extends Caller>(who: W, form: FormData): Promise<Callers[W] | undefined> {
  if (who === "anyone") return null as Callers[W];
  if (who === "user") return ((await getSessionUser()) ?? undefined) as Callers[W] | undefined;
  return ((await memberForAction(Number(form.get("workspaceId")))) ?? undefined) as Callers[W] | undefined;
}

// Invalid input: the message, and each field's errors at the field.
function invalid(error: z.ZodError): ActionResult<never> {
  const fieldErrors = z.flattenError(error).fieldErrors as Record<string, string[] | undefined>;
  return { ok: false, error: Object.keys(fieldErrors).length > 1 ? "Check the highlighted fields." : "Check the highlighted field.", fieldErrors };
}

// A domain failure as the form shows it: the message, and property errors at their fields.
function refused(failure: Failure): ActionResult<never> {
  if (!failure.fields) return { ok: false, error: failure.message };
  const fieldErrors = Object.fromEntries(Object.entries(failure.fields).map(([k, v]) => [k.replace(/^properties\./, ""), [v]]));
  return { ok: false, error: failure.message, fieldErrors };
}


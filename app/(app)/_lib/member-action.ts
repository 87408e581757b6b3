// The one pipeline of the console's server actions: parse the form with the action's schema → re-check the
// caller's membership in the account the page was rendered for → request metadata → one domain call →
// revalidate → one ActionResult. Every action is then a declaration of those few parts.
import "server-only";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { z } from "zod";
import type { ActionResult } from "@/lib/action-result";
import type { RequestMeta } from "@/lib/audit/events";
import { memberForAction } from "@/lib/auth/session";
import type { Member } from "@/lib/auth/membership";
import { requestMetaFrom } from "@/lib/request-meta";
import type { Failure, Result } from "@/lib/result";

export const SIGNED_OUT = "Your session has ended or you are no longer a member of this account. Sign in again.";
export const CHECK_FIELDS = "Check the highlighted fields.";

export type ActionContext<I> = { input: I; member: Member; meta: RequestMeta };

type Spec<I extends { accountId: number }, T, D> = {
  // The form's fields; `accountId` names the account the page was rendered for.
  schema: z.ZodType<I>;
  // Said instead of field errors when the form does not parse (a target that cannot be found, say).
  invalid?: string;
  // Checks of the parsed input that need no database (a failure's fields become field errors).
  check?: (input: I) => Failure | null;
  // The one domain call.
  run: (ctx: ActionContext<I>) => Promise<Result<T>>;
  // What the browser gets back of the domain's value (nothing by default: it may hold what the page must not).
  data?: (value: T, input: I) => D;
  // How a refusal reads when its fields are not shown beside inputs (default: the failure's message).
  refused?: (failure: Failure) => string;
  // false for an action that only reads (a poll): the page is not rendered again for it.
  revalidate?: false;
};

// A server action made of a schema, a domain call and what its answer carries.
export function memberAction<I extends { accountId: number }, T, D = undefined>(spec: Spec<I, T, D>) {
  return async (form: FormData): Promise<ActionResult<D>> => {
    const parsed = spec.schema.safeParse(Object.fromEntries(form));
    if (!parsed.success) return invalid(parsed.error, spec.invalid);
    const checked = spec.check?.(parsed.data);
    if (checked) return refusal(checked);
    const member = await memberForAction(parsed.data.accountId);
    if (!member) return { ok: false, error: SIGNED_OUT };
    const result = await spec.run({ input: parsed.data, member, meta: requestMetaFrom(await headers()) });
    // One rule, whatever the page: the account's pages show what the action changed.
    if (spec.revalidate !== false) revalidatePath("/", "layout");
    if (!result.ok) return spec.refused ? { ok: false, error: spec.refused(result) } : refusal(result);
    return { ok: true, data: spec.data ? spec.data(result.value, parsed.data) : (undefined as D) };
  };
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

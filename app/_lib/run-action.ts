// The one pipeline of every account server action: parse the form → re-check membership (and role) →
// request metadata → one domain call → revalidate → one ActionResult. Each action is then a few lines.
import "server-only";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { z } from "zod";
import { SIGNED_OUT, type ActionResult } from "@/lib/action-result";
import type { RequestMeta } from "@/lib/audit/events";
import type { Member } from "@/lib/auth/membership";
import { memberForAction } from "@/lib/auth/session";
import { requestMetaFrom } from "@/lib/request-meta";
import type { Failure, Result } from "@/lib/result";
import { canManageTeam, TEAM_ERROR_MESSAGES } from "@/lib/team/roles";

type AccountForm = z.ZodType<{ accountId: number }>;

export type ActionStep<S extends AccountForm, T, U> = {
  schema: S;
  // A form of hidden fields only: when it does not parse, this message (no field errors) is the answer.
  invalid?: string;
  role?: "owner";
  run: (input: z.output<S>, member: Member, meta: RequestMeta) => Promise<Result<T>>;
  // What the browser gets back on success (default: the domain's value).
  data?: (value: T, input: z.output<S>, member: Member) => U | Promise<U>;
  // How a domain failure reads in the form (default: its message).
  refused?: (failure: Failure) => ActionResult<never>;
  revalidate: string | ((input: z.output<S>) => string[]);
};

// The answer for a form that does not parse: its field errors, under one message.
export function invalidForm(error: z.ZodError): ActionResult<never> {
  return { ok: false, error: "Check the highlighted fields.", fieldErrors: z.flattenError(error).fieldErrors as Record<string, string[]> };
}

// Run an account action through the pipeline.
export async function runAction<S extends AccountForm, T, U = T>(form: FormData, step: ActionStep<S, T, U>): Promise<ActionResult<U>> {
  const parsed = step.schema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return step.invalid ? { ok: false, error: step.invalid } : invalidForm(parsed.error);
  const input = parsed.data;
  const member = await memberForAction(input.accountId);
  if (!member) return { ok: false, error: SIGNED_OUT };
  if (step.role === "owner" && !canManageTeam(member.role)) return { ok: false, error: TEAM_ERROR_MESSAGES.forbidden };
  const result = await step.run(input, member, requestMetaFrom(await headers()));
  for (const path of typeof step.revalidate === "string" ? [step.revalidate] : step.revalidate(input)) revalidatePath(path);
  if (!result.ok) return step.refused ? step.refused(result) : { ok: false, error: result.message };
  const data = step.data ? await step.data(result.value, input, member) : (result.value as unknown as U);
  return { ok: true, data };
}

"use client";
// The one pattern of client forms: React 19's useActionState over a server action, giving the result,
// the pending state and field errors; a server that does not answer is a result too (NO_ANSWER).
import { startTransition, useActionState } from "react";
import { NO_ANSWER, type ActionResult } from "@/lib/action-result";

type Options<T> = { onSuccess?: (data: T, form: FormData) => void | Promise<void>; onFailure?: (error: string) => void };

export function useFormAction<T>(action: (form: FormData) => Promise<ActionResult<T>>, options: Options<T> = {}) {
  const [result, dispatch, pending] = useActionState(async (_previous: ActionResult<T> | null, form: FormData | null) => {
    if (!form) return null; // reset: forget the last result
    const outcome = await action(form).catch((): ActionResult<T> => ({ ok: false, error: NO_ANSWER }));
    if (outcome.ok) await options.onSuccess?.(outcome.data, form);
    else options.onFailure?.(outcome.error);
    return outcome;
  }, null);
  return {
    result,
    pending,
    // The failure's message, when the last run failed (hidden while the next one runs).
    error: result && !result.ok && !pending ? result.error : null,
    // The first error of one field, when the last run refused it (hidden while the next one runs).
    fieldError: (name: string) => (result && !result.ok && !pending ? result.fieldErrors?.[name]?.[0] : undefined),
    // Run the action with this form (from a submit handler, a menu item or a button).
    run: (form: FormData) => startTransition(() => dispatch(form)),
    reset: () => startTransition(() => dispatch(null)),
  };
}

// A FormData of plain fields, for actions started from menus and buttons.
export function formOf(fields: Record<string, string | number>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, String(value));
  return form;
}

"use client";
// The one client pattern for calling a server action (React's useActionState): pending state, the result, each
// field's error, and the one message for a server that did not answer. Forms keep their values after a failure.
import { startTransition, useActionState } from "react";
import type { ActionResult } from "@/lib/action-result";

export type ServerAction<T> = (previous: unknown, form: FormData) => Promise<ActionResult<T>>;
type After<T> = (result: ActionResult<T>, form: FormData) => unknown;
type Call = { form: FormData; action: ServerAction<unknown>; then?: After<unknown>; success?: string };
type Answer = { result: ActionResult<unknown>; success: string | null };
type Fields = Record<string, string | number>;

// The answer when the request failed on the way: "The server did not answer", or what could not be done and why.
export function noAnswer(failed?: string): string {
  return failed ? `${failed}: the server did not answer. Try again.` : "The server did not answer. Try again.";
}

type Options<T> = {
  // What could not be done, to open the no-answer message ("The key could not be generated").
  failed?: string;
  // Fields every call sends (the ids a button acts on).
  fields?: Fields;
  // Once the server answered (or did not): a notice, a navigation, a closed dialog.
  then?: After<T>;
  // What a success says (for the form's status line).
  success?: string;
};

// A call of another action from the same component, sharing its pending state and its result.
type Other = { action?: ServerAction<unknown>; then?: After<unknown>; success?: string };

export function useFormAction<T>(action: ServerAction<T>, options: Options<T> = {}) {
  const [answer, dispatch, pending] = useActionState(async (previous: Answer | null, call: Call | null): Promise<Answer | null> => {
    if (!call) return null;
    const result = await call.action(previous?.result, call.form).catch((): ActionResult<unknown> => ({ ok: false, error: noAnswer(options.failed) }));
    await (call.then ?? (options.then as After<unknown> | undefined))?.(result, call.form);
    return { result, success: result.ok ? (call.success ?? options.success ?? null) : null };
  }, null);
  const result = answer?.result ?? null;

  // Send the form (or these fields) to the action, or to another one.
  function submit(input: FormData | Fields = {}, other?: Other) {
    const form = input instanceof FormData ? input : new FormData();
    for (const [name, value] of Object.entries({ ...options.fields, ...(input instanceof FormData ? {} : input) })) form.set(name, String(value));
    startTransition(() => dispatch({ form, action: (other?.action ?? action) as ServerAction<unknown>, then: other?.then, success: other?.success }));
  }

  // A new call hides the last answer's errors until its own answer arrives.
  const failure = !pending && result && !result.ok ? result : null;
  return {
    pending,
    // The last answer; null before the first and after reset.
    result: result as ActionResult<T> | null,
    // The last answer's value, when it succeeded and no new call is under way.
    data: !pending && result?.ok ? (result.data as T) : null,
    // What the last success says ("" before one, while a new call is under way, and after a failure).
    success: (!pending && answer?.success) || "",
    error: failure?.error ?? null,
    fieldError: (name: string): string | undefined => failure?.fieldErrors?.[name]?.[0],
    submit,
    // A form's onSubmit: its fields, without the browser's navigation (and without React resetting the form).
    onSubmit(event: React.FormEvent<HTMLFormElement>) {
      event.preventDefault();
      submit(new FormData(event.currentTarget));
    },
    // Forget the last answer (a dialog closing drops what it showed).
    reset: () => startTransition(() => dispatch(null)),
  };
}

"use server";
// Server actions of the Sources pages; each runs through the one action pipeline (app/_lib/run-action.ts).
import { runAction } from "@/app/_lib/run-action";
import type { ActionResult } from "@/lib/action-result";
import { connectServices } from "@/lib/connect/services";
import { checkSource, createSource, deleteSource, updateSource } from "@/lib/connect/sources";
import { updateStreamMetadata } from "@/lib/connect/stream-access";
import { db } from "@/lib/db/client";
import { fail, type Failure } from "@/lib/result";
import { streamSelectionSchema } from "@/lib/validation/connect";
import { addPostgresSourceSchema, editPostgresSourceSchema, pauseSourceSchema, selectionFormSchema, sourceTargetSchema } from "@/lib/validation/sources";

const NOT_FOUND = "The source was not found.";
const UNREADABLE = "The selection could not be read. Reload the page and try again.";
const pages = (input: object) => ("sourceId" in input ? ["/sources", `/sources/${input.sourceId}`] : ["/sources"]);

// A domain refusal as the form shows it: property errors at their fields.
function refused(failure: Failure): ActionResult<never> {
  const fieldErrors = Object.fromEntries(Object.entries(failure.fields ?? {}).map(([k, v]) => [k.replace(/^properties\./, ""), [v]]));
  return { ok: false, error: failure.code === "NotFound" ? NOT_FOUND : failure.message, fieldErrors };
}

const onSource = { invalid: NOT_FOUND, refused, revalidate: pages, data: () => undefined };

// Add a PostgreSQL source; its connection check and discovery start at once.
export async function addPostgresSourceAction(form: FormData): Promise<ActionResult<{ id: number }>> {
  return runAction(form, {
    schema: addPostgresSourceSchema,
    refused,
    revalidate: pages,
    run: ({ accountId: _a, display_name, ...properties }, member) =>
      createSource(connectServices(), member.accountId, { display_name, type: "platform.postgres", properties }),
    data: (source) => ({ id: source.id }),
  });
}

// Change a source's name and connection details (an empty password keeps the stored one); the check runs again.
export async function editPostgresSourceAction(form: FormData): Promise<ActionResult<{ id: number }>> {
  return runAction(form, {
    schema: editPostgresSourceSchema,
    refused,
    revalidate: pages,
    run: ({ accountId: _a, sourceId, display_name, password, ...properties }, member) =>
      updateSource(connectServices(), member.accountId, sourceId, { display_name, properties: password ? { ...properties, password } : properties }),
    data: (source) => ({ id: source.id }),
  });
}

// Pause (replication stops until resumed) or resume a source, as PUT /v4/sources/{id} with paused_at does.
export async function pauseSourceAction(form: FormData): Promise<ActionResult> {
  return runAction(form, {
    ...onSource,
    schema: pauseSourceSchema,
    run: (input, member) => updateSource(connectServices(), member.accountId, input.sourceId, { paused_at: input.paused ? new Date().toISOString() : null }),
  });
}

// Soft delete, as DELETE /v4/sources/{id}: the source stays listed as deleted and can no longer change.
export async function deleteSourceAction(form: FormData): Promise<ActionResult> {
  return runAction(form, { ...onSource, schema: sourceTargetSchema, run: (input, member) => deleteSource(db, member.accountId, input.sourceId) });
}

// Run the connection check and discovery again.
export async function recheckSourceAction(form: FormData): Promise<ActionResult> {
  return runAction(form, { ...onSource, schema: sourceTargetSchema, run: (input, member) => checkSource(connectServices(), member.accountId, input.sourceId) });
}

// Save the ticked tables and columns: the API's request shape and rules, all or nothing.
export async function saveSelectionAction(form: FormData): Promise<ActionResult> {
  return runAction(form, {
    ...onSource,
    schema: selectionFormSchema,
    run: async (input, member) => {
      const selection = streamSelectionSchema.safeParse(parseJson(input.selection));
      if (!selection.success) return fail("InvalidBody", UNREADABLE);
      return updateStreamMetadata(db, member.accountId, input.sourceId, selection.data);
    },
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

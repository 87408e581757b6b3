"use server";
// Server actions of the Sources pages: add a PostgreSQL source, edit, pause, delete and check it again, save its selection.
import { memberAction } from "@/app/_lib/action";
import { changeByMember as by } from "@/app/(app)/_lib/change-by";
import { connectServices } from "@/lib/connect/services";
import { checkSource, createSource, deleteSource, updateSource } from "@/lib/connect/sources";
import { updateStreamMetadata } from "@/lib/connect/stream-access";
import { db } from "@/lib/db/client";
import { fail } from "@/lib/result";
import { streamSelectionSchema } from "@/lib/validation/connect";
import { addPostgresSourceSchema, editPostgresSourceSchema, pauseSourceSchema, selectionFormSchema, sourceTargetSchema } from "@/lib/validation/sources";

const NOT_FOUND = "The source was not found.";
const UNREADABLE = "The selection could not be read. Reload the page and try again.";

// Add a PostgreSQL source; its connection check and discovery start at once.
export const addPostgresSourceAction = memberAction({
  schema: addPostgresSourceSchema,
  run: async ({ input, member }) => {
    const { accountId: _w, display_name, ...properties } = input;
    return createSource(connectServices(), member.accountId, { display_name, type: "platform.postgres", properties }, await by(member));
  },
  data: (source) => ({ id: source.id }),
});

// Change a source's name and connection details (an empty password keeps the stored one); the check runs again.
export const editPostgresSourceAction = memberAction({
  schema: editPostgresSourceSchema,
  run: async ({ input, member }) => {
    const { accountId: _w, sourceId, display_name, password, ...properties } = input;
    const change = password ? { ...properties, password } : properties;
    return updateSource(connectServices(), member.accountId, sourceId, { display_name, properties: change }, await by(member));
  },
  data: (source) => ({ id: source.id }),
});

// Pause (replication stops until resumed) or resume a source, as PUT /v4/sources/{id} with paused_at does.
export const pauseSourceAction = memberAction({
  schema: pauseSourceSchema,
  invalid: NOT_FOUND,
  run: async ({ input, member }) => {
    const paused_at = input.paused ? new Date().toISOString() : null;
    return updateSource(connectServices(), member.accountId, input.sourceId, { paused_at }, await by(member));
  },
});

// Soft delete, as DELETE /v4/sources/{id}: the source stays listed as deleted and can no longer change.
export const deleteSourceAction = memberAction({
  schema: sourceTargetSchema,
  invalid: NOT_FOUND,
  run: async ({ input, member }) => deleteSource(db, member.accountId, input.sourceId, await by(member)),
});

// Run the connection check and discovery again.
export const recheckSourceAction = memberAction({
  schema: sourceTargetSchema,
  invalid: NOT_FOUND,
  run: async ({ input, member }) => checkSource(connectServices(), member.accountId, input.sourceId, await by(member)),
  refused: (failure) => failure.message,
});

// The selection the form sends: the API's request shape, as JSON.
function selectionOf(text: string) {
  try {
    return streamSelectionSchema.safeParse(JSON.parse(text));
  } catch {
    return null;
  }
}

// Save the ticked tables and columns: the API's request shape and rules, all or nothing.
export const saveSelectionAction = memberAction({
  schema: selectionFormSchema,
  invalid: NOT_FOUND,
  run: async ({ input, member }) => {
    const selection = selectionOf(input.selection);
    if (!selection?.success) return fail("invalid", UNREADABLE);
    return updateStreamMetadata(db, member.accountId, input.sourceId, selection.data);
  },
  refused: (failure) => failure.message,
});

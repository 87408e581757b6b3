"use server";
// Server actions of the Sources pages: add a PostgreSQL source, check it again, save its table and column selection.
import { changeBy } from "@/app/(app)/_lib/change-by";
import { serverAction } from "@/app/_lib/action";
import { db } from "@/lib/db";
import { connectServices } from "@/lib/connect/services";
import { checkSource, createSource, deleteSource, updateSource } from "@/lib/connect/sources";
import { fail } from "@/lib/connect/result";
import { updateStreamMetadata } from "@/lib/connect/stream-access";
import { streamSelectionSchema } from "@/lib/validation/connect";
import { addPostgresSourceSchema, editPostgresSourceSchema, pauseSourceSchema, selectionFormSchema, sourceTargetSchema } from "@/lib/validation/sources";

const NOT_FOUND = "The source was not found.";
const UNREADABLE = "The selection could not be read. Reload the page and try again.";
const onSource = { schema: sourceTargetSchema, caller: "member", invalid: NOT_FOUND } as const;

// Add a PostgreSQL source; its connection check and discovery start at once.
export const addPostgresSourceAction = serverAction({
  schema: addPostgresSourceSchema,
  caller: "member",
  run: ({ workspaceId: _w, display_name, ...properties }, context) =>
    createSource(connectServices(), context.caller.workspaceId, { display_name, type: "platform.postgres", properties }, changeBy(context)),
  reply: ({ id }) => ({ id }),
});

// Change a source's name and connection details (an empty password keeps the stored one); the check runs again.
export const editPostgresSourceAction = serverAction({
  schema: editPostgresSourceSchema,
  caller: "member",
  run: ({ workspaceId: _w, sourceId, display_name, password, ...properties }, context) =>
    updateSource(connectServices(), context.caller.workspaceId, sourceId, { display_name, properties: password ? { ...properties, password } : properties }, changeBy(context)),
  reply: (_source, { sourceId }) => ({ id: sourceId }),
});

// Pause (replication stops until resumed) or resume a source, as PUT /v4/sources/{id} with paused_at does.
export const pauseSourceAction = serverAction({
  schema: pauseSourceSchema,
  caller: "member",
  invalid: NOT_FOUND,
  run: ({ sourceId, paused }, context) =>
    updateSource(connectServices(), context.caller.workspaceId, sourceId, { paused_at: paused ? new Date().toISOString() : null }, changeBy(context)),
});

// Soft delete, as DELETE /v4/sources/{id}: the source stays listed as deleted and can no longer change.
export const deleteSourceAction = serverAction({
  ...onSource,
  run: ({ sourceId }, context) => deleteSource(db, context.caller.workspaceId, sourceId, changeBy(context)),
});

// Run the connection check and discovery again.
export const recheckSourceAction = serverAction({
  ...onSource,
  run: ({ sourceId }, context) => checkSource(connectServices(), context.caller.workspaceId, sourceId, changeBy(context)),
});

// Save the ticked tables and columns: the API's request shape and rules, all or nothing.
export const saveSelectionAction = serverAction({
  schema: selectionFormSchema.transform(({ selection, ...rest }) => ({ ...rest, selection: streamSelectionSchema.safeParse(jsonOrNull(selection)) })),
  caller: "member",
  invalid: NOT_FOUND,
  run: async ({ sourceId, selection }, { caller }) =>
    selection.success ? updateStreamMetadata(db, caller.workspaceId, sourceId, selection.data) : fail("InvalidBody", UNREADABLE),
});

function jsonOrNull(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

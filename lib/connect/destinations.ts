// Destinations of an account: list, create, update (the type is fixed), delete.
import type { Db } from "../db-client";
import type { CreateDestinationInput, UpdateDestinationInput } from "../validation/connect";
import { DESTINATION_TYPES, findDestinationType } from "./integration-types";
import { checkProperties, mergeProperties, publicProperties } from "./properties";
import { fail, ok, type Result } from "./result";
import type { ConnectDeps } from "./sources";

export type DestinationView = {
  id: number;
  type: string;
  name: string | null;
  description: string | null;
  properties: Record<string, string>;
  stitch_client_id: number;
  created_at: string;
  updated_at: string;
};

type Row = Awaited<ReturnType<Db["destination"]["findFirstOrThrow"]>>;

// Booleans (ssl) are kept as the strings "true" and "false".
function asStrings(properties: Record<string, string | boolean>): Record<string, string> {
  return Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, String(v)]));
}

// The original's timestamps: `2020-06-19T15:09:38Z`, no milliseconds.
const wireTime = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, "Z");

function toView(row: Row): DestinationView {
  return {
    id: row.id,
    type: row.type,
    name: row.name,
    description: row.description,
    // The original shows properties as strings, with "status":"1".
    properties: { ...publicProperties(row), status: "1" },
    stitch_client_id: row.workspaceId,
    created_at: wireTime(row.createdAt),
    updated_at: wireTime(row.updatedAt),
  };
}

export async function listDestinations(db: Db, workspaceId: number): Promise<DestinationView[]> {
  return (await db.destination.findMany({ where: { workspaceId }, orderBy: { id: "asc" } })).map(toView);
}

export async function getDestination(db: Db, workspaceId: number, id: number): Promise<DestinationView | null> {
  const row = await db.destination.findFirst({ where: { id, workspaceId } });
  return row && toView(row);
}

export async function createDestination(deps: ConnectDeps, workspaceId: number, input: CreateDestinationInput): Promise<Result<DestinationView>> {
  const type = findDestinationType(input.type);
  if (!type) return fail("InvalidProperties", "Unknown destination type.", { type: `Known types: ${DESTINATION_TYPES.map((t) => t.type).join(", ")}.` });
  const checked = checkProperties(type.properties, asStrings(input.properties));
  if (!checked.ok) return checked;
  const missing = type.properties.filter((p) => p.is_required && !checked.value[p.name]);
  if (missing.length) {
    return fail("InvalidProperties", "Some required properties are missing; see fields.", Object.fromEntries(missing.map((p) => [`properties.${p.name}`, "Required."])));
  }
  const stored = mergeProperties(type.properties, { properties: "", secrets: "" }, checked.value, deps.box);
  const row = await deps.db.destination.create({
    data: { workspaceId, type: type.type, name: input.name ?? null, description: input.description ?? null, ...stored },
  });
  return ok(toView(row));
}

export async function updateDestination(deps: ConnectDeps, workspaceId: number, id: number, input: UpdateDestinationInput): Promise<Result<DestinationView>> {
  const row = await deps.db.destination.findFirst({ where: { id, workspaceId } });
  if (!row) return fail("NotFound", "The destination was not found.");
  if (input.type !== undefined && input.type !== row.type) {
    return fail("InvalidProperties", "The type of a destination cannot change.", { type: `This destination is of type ${row.type}.` });
  }
  const type = findDestinationType(row.type)!;
  const data: { name?: string; description?: string; properties?: string; secrets?: string } = {};
  if (input.name !== undefined) data.name = input.name;
  if (input.description !== undefined) data.description = input.description;
  if (input.properties) {
    const checked = checkProperties(type.properties, asStrings(input.properties));
    if (!checked.ok) return checked;
    Object.assign(data, mergeProperties(type.properties, row, checked.value, deps.box));
  }
  return ok(toView(await deps.db.destination.update({ where: { id: row.id }, data })));
}

// Delete a destination; sources that loaded into it are left without one.
export async function deleteDestination(db: Db, workspaceId: number, id: number): Promise<Result<Record<string, never>>> {
  const removed = await db.$transaction(async (tx) => {
    const gone = await tx.destination.deleteMany({ where: { id, workspaceId } });
    if (gone.count) await tx.source.updateMany({ where: { workspaceId, destinationId: id }, data: { destinationId: null } });
    return gone.count;
  });
  return removed ? ok({}) : fail("NotFound", "The destination was not found.");
}

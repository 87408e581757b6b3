// Destinations of an account: list, create, update (the type is fixed), delete.
import type { Db } from "../db/factory";
import type { CreateDestinationInput, UpdateDestinationInput } from "../validation/connect";
import { DESTINATION_TYPES, findDestinationType } from "./integration-types";
import { checkProperties, mergeProperties, publicProperties } from "./properties";
import { fail, ok, type Result } from "../result";
import type { ConnectCode } from "./codes";
import type { ConnectDeps } from "./sources";

// A destination as the domain sees it (lib/http/wire.ts makes the API's JSON of it).
export type DestinationView = {
  id: number;
  accountId: number;
  type: string;
  name: string | null;
  description: string | null;
  properties: Record<string, string>;
  createdAt: Date;
  updatedAt: Date;
};

type Row = Awaited<ReturnType<Db["destination"]["findFirstOrThrow"]>>;

function toView(row: Row): DestinationView {
  return {
    id: row.id,
    type: row.type,
    name: row.name,
    description: row.description,
    properties: publicProperties(row),
    accountId: row.accountId,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export async function listDestinations(db: Db, accountId: number): Promise<DestinationView[]> {
  return (await db.destination.findMany({ where: { accountId }, orderBy: { id: "asc" } })).map(toView);
}

export async function getDestination(db: Db, accountId: number, id: number): Promise<DestinationView | null> {
  const row = await db.destination.findFirst({ where: { id, accountId } });
  return row && toView(row);
}

export async function createDestination(deps: ConnectDeps, accountId: number, input: CreateDestinationInput): Promise<Result<DestinationView, ConnectCode>> {
  const type = findDestinationType(input.type);
  if (!type) return fail("InvalidProperties", "Unknown destination type.", { type: `Known types: ${DESTINATION_TYPES.map((t) => t.type).join(", ")}.` });
  const checked = checkProperties(type.properties, input.properties);
  if (!checked.ok) return checked;
  const missing = type.properties.filter((p) => p.is_required && !checked.value[p.name]);
  if (missing.length) {
    return fail("InvalidProperties", "Some required properties are missing; see fields.", Object.fromEntries(missing.map((p) => [`properties.${p.name}`, "Required."])));
  }
  const stored = mergeProperties(type.properties, { properties: "", secrets: "" }, checked.value, deps.box);
  const row = await deps.db.destination.create({
    data: { accountId, type: type.type, name: input.name ?? null, description: input.description ?? null, ...stored },
  });
  return ok(toView(row));
}

export async function updateDestination(deps: ConnectDeps, accountId: number, id: number, input: UpdateDestinationInput): Promise<Result<DestinationView, ConnectCode>> {
  const row = await deps.db.destination.findFirst({ where: { id, accountId } });
  if (!row) return fail("NotFound", "The destination was not found.");
  if (input.type !== undefined && input.type !== row.type) {
    return fail("InvalidProperties", "The type of a destination cannot change.", { type: `This destination is of type ${row.type}.` });
  }
  const type = findDestinationType(row.type)!;
  const data: { name?: string; description?: string; properties?: string; secrets?: string } = {};
  if (input.name !== undefined) data.name = input.name;
  if (input.description !== undefined) data.description = input.description;
  if (input.properties) {
    const checked = checkProperties(type.properties, input.properties);
    if (!checked.ok) return checked;
    Object.assign(data, mergeProperties(type.properties, row, checked.value, deps.box));
  }
  return ok(toView(await deps.db.destination.update({ where: { id: row.id }, data })));
}

// Delete a destination; sources that loaded into it are left without one.
export async function deleteDestination(db: Db, accountId: number, id: number): Promise<Result<{ id: number }, ConnectCode>> {
  const removed = await db.$transaction(async (tx) => {
    const gone = await tx.destination.deleteMany({ where: { id, accountId } });
    if (gone.count) await tx.source.updateMany({ where: { accountId, destinationId: id }, data: { destinationId: null } });
    return gone.count;
  });
  return removed ? ok({ id }) : fail("NotFound", "The destination was not found.");
}

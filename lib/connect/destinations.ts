// Destinations of an account: list, create, update (the type is fixed), delete.
import "server-only";
import type { Db } from "../db/factory";
import type { CreateDestinationInput, UpdateDestinationInput } from "../validation/connect";
import { changeLabel, recordConnectEvent, type ChangeBy } from "./audit";
import { DESTINATION_TYPES, findDestinationType, identityProperties } from "./integration-types";
import {
  changedPropertyNames,
  checkProperties,
  mergeProperties,
  publicProperties,
  requireCredentialsOnIdentityChange,
  splitSecrets,
} from "./properties";
import { fail, ok, type Result } from "./result";
import type { ConnectDeps } from "./sources";

// A destination as the domain hands it out: public properties only (the password never leaves the row).
export type Destination = {
  id: number;
  type: string;
  name: string | null;
  description: string | null;
  properties: Record<string, string>;
  accountId: number;
  createdAt: Date;
  updatedAt: Date;
};

type Row = Awaited<ReturnType<Db["destination"]["findFirstOrThrow"]>>;

// Booleans (ssl) are kept as the strings "true" and "false".
function asStrings(properties: Record<string, string | boolean>): Record<string, string> {
  return Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, String(v)]));
}


function toDestination(row: Row): Destination {
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

// Every destination of the account, oldest first.
export async function listDestinations(db: Db, accountId: number): Promise<Destination[]> {
  return (await db.destination.findMany({ where: { accountId }, orderBy: { id: "asc" } })).map(toDestination);
}

// One destination of the account, or null.
export async function getDestination(db: Db, accountId: number, id: number): Promise<Destination | null> {
  const row = await db.destination.findFirst({ where: { id, accountId } });
  return row && toDestination(row);
}

// Create a destination; its secrets are sealed bound to the new row, in the same transaction.
export async function createDestination(deps: ConnectDeps, accountId: number, input: CreateDestinationInput, by: ChangeBy): Promise<Result<Destination>> {
  const type = findDestinationType(input.type);
  if (!type) return fail("InvalidProperties", "Unknown destination type.", { type: `Known types: ${DESTINATION_TYPES.map((t) => t.type).join(", ")}.` });
  const checked = checkProperties(type.properties, asStrings(input.properties));
  if (!checked.ok) return checked;
  const missing = type.properties.filter((p) => p.is_required && !checked.value[p.name]);
  if (missing.length) {
    return fail("InvalidProperties", "Some required properties are missing; see fields.", Object.fromEntries(missing.map((p) => [`properties.${p.name}`, "Required."])));
  }
  const { plain, secret } = splitSecrets(type.properties, checked.value);
  const row = await deps.db.$transaction(async (tx) => {
    const stored = mergeProperties(type.properties, { properties: "", secrets: "" }, plain, deps.box, { table: "Destination", id: 0 });
    const created = await tx.destination.create({
      data: { accountId, type: type.type, name: input.name ?? null, description: input.description ?? null, ...stored },
    });
    const sealed = mergeProperties(type.properties, stored, secret, deps.box, { table: "Destination", id: created.id });
    await recordConnectEvent(tx, accountId, by, "destination.created", { type: "destination", label: changeLabel(created) });
    return tx.destination.update({ where: { id: created.id }, data: { secrets: sealed.secrets } });
  });
  return ok(toDestination(row));
}

// Update a destination; a new host, port, user, database or TLS setting needs the password again.
export async function updateDestination(
  deps: ConnectDeps,
  accountId: number,
  id: number,
  input: UpdateDestinationInput,
  by: ChangeBy,
): Promise<Result<Destination>> {
  const row = await deps.db.destination.findFirst({ where: { id, accountId } });
  if (!row) return fail("NotFound", "The destination was not found.");
  if (input.type !== undefined && input.type !== row.type) {
    return fail("InvalidProperties", "The type of a destination cannot change.", { type: `This destination is of type ${row.type}.` });
  }
  const type = findDestinationType(row.type)!;
  const data: { name?: string; description?: string; properties?: string; secrets?: string } = {};
  const changed: string[] = [];
  if (input.name !== undefined) data.name = input.name;
  if (input.description !== undefined) data.description = input.description;
  if (input.name !== undefined && input.name !== row.name) changed.push("name");
  if (input.description !== undefined && input.description !== row.description) changed.push("description");
  if (input.properties) {
    const checked = checkProperties(type.properties, asStrings(input.properties));
    if (!checked.ok) return checked;
    const allowed = requireCredentialsOnIdentityChange(type.properties, identityProperties(row.type), row, checked.value);
    if (!allowed.ok) return allowed;
    changed.push(...changedPropertyNames(type.properties, row, checked.value));
    Object.assign(data, mergeProperties(type.properties, row, checked.value, deps.box, { table: "Destination", id: row.id }));
  }
  const updated = await deps.db.$transaction(async (tx) => {
    const saved = await tx.destination.update({ where: { id: row.id }, data });
    if (changed.length) await recordConnectEvent(tx, accountId, by, "destination.updated", { type: "destination", label: changeLabel(row, changed) });
    return saved;
  });
  return ok(toDestination(updated));
}

// Delete a destination; sources that loaded into it are left without one.
export async function deleteDestination(db: Db, accountId: number, id: number, by: ChangeBy): Promise<Result<true>> {
  const removed = await db.$transaction(async (tx) => {
    const row = await tx.destination.findFirst({ where: { id, accountId }, select: { id: true, name: true } });
    const gone = await tx.destination.deleteMany({ where: { id, accountId } });
    if (gone.count) await tx.source.updateMany({ where: { accountId, destinationId: id }, data: { destinationId: null } });
    if (gone.count && row) await recordConnectEvent(tx, accountId, by, "destination.deleted", { type: "destination", label: changeLabel(row) });
    return gone.count;
  });
  return removed ? ok(true) : fail("NotFound", "The destination was not found.");
}

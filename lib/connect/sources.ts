// Sources of an account: create, read, update, pause and soft-delete; every query scoped by the account.
import type { SecretBox } from "../crypto/secret-box";
import type { Db } from "../db/factory";
import type { CreateSourceInput, UpdateSourceInput } from "../validation/connect";
import { startConnectionCheck } from "./checks";
import { findSourceType, SOURCE_TYPES, type SourceType } from "./integration-types";
import { baseName, candidateName } from "./names";
import { allProperties, checkProperties, mergeProperties, providedNames, publicProperties } from "./properties";
import { formComplete, reportCard, type ReportCard } from "./report-card";
import { fail, ok, type Result } from "../result";
import type { ConnectCode } from "./codes";

export type ConnectDeps = { db: Db; box: SecretBox };

// A source as the domain sees it (lib/http/wire.ts makes the API's JSON of it).
export type SourceView = {
  id: number;
  accountId: number;
  displayName: string;
  name: string;
  type: string;
  properties: Record<string, string>;
  pausedAt: Date | null;
  systemPausedAt: Date | null;
  deletedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  destinationId: number | null;
  checkJobName: string | null;
  reportCard: ReportCard;
};

// What a view needs beside the row: whether discovery ever succeeded and how many streams are selected.
const WITH_STATE = {
  _count: { select: { streams: { where: { selected: true } } } },
  checks: { where: { status: "succeeded" }, select: { id: true }, take: 1 },
} as const;

type SourceRow = NonNullable<Awaited<ReturnType<typeof findRow>>>;

function findRow(db: Db, accountId: number, id: number) {
  return db.source.findFirst({ where: { id, accountId }, include: WITH_STATE });
}

function typeOf(row: { type: string }): SourceType {
  return findSourceType(row.type) ?? SOURCE_TYPES[0];
}

export function toSourceView(row: SourceRow): SourceView {
  const state = { provided: providedNames(row), discovered: row.checks.length > 0, selectedStreams: row._count.streams };
  return {
    id: row.id,
    accountId: row.accountId,
    displayName: row.displayName,
    name: row.name,
    type: row.type,
    properties: publicProperties(row),
    pausedAt: row.pausedAt,
    systemPausedAt: row.systemPausedAt,
    deletedAt: row.deletedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    destinationId: row.destinationId,
    checkJobName: row.checkJobName,
    reportCard: reportCard(typeOf(row), state),
  };
}

// Every source of the account: active, paused and deleted, oldest first.
export async function listSources(db: Db, accountId: number): Promise<SourceView[]> {
  const rows = await db.source.findMany({ where: { accountId }, include: WITH_STATE, orderBy: { id: "asc" } });
  return rows.map(toSourceView);
}

export async function getSource(db: Db, accountId: number, id: number): Promise<SourceView | null> {
  const row = await findRow(db, accountId, id);
  return row && toSourceView(row);
}

// Create a source; when its form is complete, its connection check and discovery start at once (off the request).
export async function createSource(deps: ConnectDeps, accountId: number, input: CreateSourceInput): Promise<Result<SourceView, ConnectCode>> {
  const type = findSourceType(input.type);
  if (!type) return fail("InvalidProperties", "Unknown source type.", { type: `Known types: ${SOURCE_TYPES.map((t) => t.type).join(", ")}.` });
  const checked = checkProperties(type.properties, input.properties ?? {});
  if (!checked.ok) return checked;
  if (input.destination_id !== undefined) {
    const destination = await deps.db.destination.findFirst({ where: { id: input.destination_id, accountId }, select: { id: true } });
    if (!destination) return fail("InvalidProperties", "The destination does not exist in this account.", { destination_id: "No such destination." });
  }
  const stored = mergeProperties(type.properties, { properties: "", secrets: "" }, checked.value, deps.box);
  const data = { accountId, displayName: input.display_name, type: type.type, destinationId: input.destination_id ?? null, ...stored };
  const created = await insertWithUniqueName(deps.db, accountId, baseName(input.display_name), (name) =>
    deps.db.source.create({ data: { ...data, name }, select: { id: true } }),
  );
  await maybeStartCheck(deps, accountId, created.id);
  return ok(toSourceView((await findRow(deps.db, accountId, created.id))!));
}

// Update display name, properties and pause state; a deleted source cannot change.
export async function updateSource(deps: ConnectDeps, accountId: number, id: number, input: UpdateSourceInput): Promise<Result<SourceView, ConnectCode>> {
  const row = await findRow(deps.db, accountId, id);
  if (!row) return fail("NotFound", "The source was not found.");
  if (row.deletedAt) return fail("InvalidBody", "The source is deleted; it cannot be changed.");
  const type = typeOf(row);
  const data: { displayName?: string; pausedAt?: Date | null; properties?: string; secrets?: string } = {};
  if (input.display_name !== undefined) data.displayName = input.display_name;
  if (input.paused_at !== undefined) data.pausedAt = input.paused_at === null ? null : new Date();
  if (input.properties) {
    const checked = checkProperties(type.properties, input.properties);
    if (!checked.ok) return checked;
    Object.assign(data, mergeProperties(type.properties, row, checked.value, deps.box));
  }
  await deps.db.source.update({ where: { id: row.id }, data });
  if (input.properties && Object.keys(input.properties).length) await maybeStartCheck(deps, accountId, row.id);
  return ok(toSourceView((await findRow(deps.db, accountId, id))!));
}

// Soft delete: the source stays readable with `deleted_at` set (deleting twice keeps the first time).
export async function deleteSource(db: Db, accountId: number, id: number): Promise<Result<SourceView, ConnectCode>> {
  await db.source.updateMany({ where: { id, accountId, deletedAt: null }, data: { deletedAt: new Date() } });
  const row = await findRow(db, accountId, id);
  return row ? ok(toSourceView(row)) : fail("NotFound", "The source was not found.");
}

// Run a connection check and discovery again (the form must be complete).
export async function checkSource(deps: ConnectDeps, accountId: number, id: number): Promise<Result<SourceView, ConnectCode>> {
  const row = await findRow(deps.db, accountId, id);
  if (!row) return fail("NotFound", "The source was not found.");
  if (row.deletedAt) return fail("InvalidBody", "The source is deleted; it cannot be checked.");
  if (!(await maybeStartCheck(deps, accountId, id))) return fail("InvalidProperties", "Fill in every required property before checking the connection.");
  return ok(toSourceView((await findRow(deps.db, accountId, id))!));
}

async function maybeStartCheck(deps: ConnectDeps, accountId: number, id: number): Promise<boolean> {
  const row = await findRow(deps.db, accountId, id);
  if (!row || row.deletedAt || !formComplete(typeOf(row), providedNames(row))) return false;
  const p = allProperties(row, deps.box);
  const conn = {
    host: p.host,
    port: Number(p.port ?? 5432),
    database: p.dbname,
    user: p.user,
    password: p.password,
    filterSchemas: (p.filter_schemas ?? "").split(",").map((s) => s.trim()).filter(Boolean),
  };
  await startConnectionCheck(deps.db, { id, accountId }, conn);
  return true;
}

const isUniqueViolation = (error: unknown) => (error as { code?: string })?.code === "P2002";

// Insert under the first free name base, base_2, base_3 …; a racing insert of the same name moves on to the next.
async function insertWithUniqueName<T>(db: Db, accountId: number, base: string, insert: (name: string) => Promise<T>): Promise<T> {
  const taken = new Set(
    (await db.source.findMany({ where: { accountId, name: { startsWith: base.slice(0, 40) } }, select: { name: true } })).map((s) => s.name),
  );
  for (let n = 1, attempts = 0; attempts < 10; n++) {
    const name = candidateName(base, n);
    if (taken.has(name)) continue;
    attempts++;
    try {
      return await insert(name);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      taken.add(name);
    }
  }
  throw new Error("could not find a free source name");
}

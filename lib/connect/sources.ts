// Sources of an account: create, read, update, pause and soft-delete; every query scoped by the account.
import "server-only";
import type { SecretBox } from "../crypto/secret-box";
import type { Db } from "../db/factory";
import type { CreateSourceInput, UpdateSourceInput } from "../validation/connect";
import { changeLabel, recordConnectEvent, type ChangeBy } from "./audit";
import { startConnectionCheck } from "./checks";
import { findSourceType, identityProperties, SOURCE_TYPES, type SourceType } from "./integration-types";
import { baseName, candidateName, reservedName } from "./names";
import {
  allProperties,
  changedPropertyNames,
  checkProperties,
  mergeProperties,
  providedNames,
  publicProperties,
  requireCredentialsOnIdentityChange,
  SSH_TUNNEL_REFUSAL,
  splitSecrets,
} from "./properties";
import { formComplete, reportCard, type ReportCard } from "./report-card";
import { fail, ok, type Result } from "./result";
import { isUniqueViolation } from "../result";
import { checkSchedule, clearNulls, nextFireAtFor, scheduleOfSource, type Schedule } from "./source-schedule";

export type ConnectDeps = { db: Db; box: SecretBox };

const SCHEDULE_PROPERTIES = ["frequency_in_minutes", "anchor_time", "cron_expression"];

// A source as the domain hands it out: public properties only (credentials never leave the row).
export type Source = {
  id: number;
  displayName: string;
  name: string;
  type: string;
  properties: Record<string, string>;
  schedule: Schedule | null;
  pausedAt: Date | null;
  systemPausedAt: Date | null;
  deletedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  accountId: number;
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

// The domain object of a source row with its setup state.
function toSource(row: SourceRow): Source {
  const state = { provided: providedNames(row), discovered: row.checks.length > 0, selectedStreams: row._count.streams };
  return {
    id: row.id,
    displayName: row.displayName,
    name: row.name,
    type: row.type,
    properties: publicProperties(row),
    schedule: scheduleOfSource(row),
    pausedAt: row.pausedAt,
    systemPausedAt: row.systemPausedAt,
    deletedAt: row.deletedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    accountId: row.accountId,
    destinationId: row.destinationId,
    checkJobName: row.checkJobName,
    reportCard: reportCard(typeOf(row), state),
  };
}

// Every source of the account: active, paused and deleted, oldest first.
export async function listSources(db: Db, accountId: number): Promise<Source[]> {
  const rows = await db.source.findMany({ where: { accountId }, include: WITH_STATE, orderBy: { id: "asc" } });
  return rows.map(toSource);
}

// One source of the account (also paused or deleted), or null.
export async function getSource(db: Db, accountId: number, id: number): Promise<Source | null> {
  const row = await findRow(db, accountId, id);
  return row && toSource(row);
}

// Create a source; when its form is complete, its connection check and discovery start at once (off the request).
export async function createSource(deps: ConnectDeps, accountId: number, input: CreateSourceInput, by: ChangeBy): Promise<Result<Source>> {
  const type = findSourceType(input.type);
  if (!type) return fail("InvalidProperties", "Unknown source type.", { type: `Known types: ${SOURCE_TYPES.map((t) => t.type).join(", ")}.` });
  const checked = checkProperties(type.properties, clearNulls(input.properties) ?? {});
  if (!checked.ok) return checked;
  if (input.destination_id !== undefined) {
    const destination = await deps.db.destination.findFirst({ where: { id: input.destination_id, accountId }, select: { id: true } });
    if (!destination) return fail("InvalidProperties", "The destination does not exist in this account.", { destination_id: "No such destination." });
  }
  // The source's name becomes its destination schema: PostgreSQL's and the queue's own schemas are refused.
  const reserved = reservedName(baseName(input.display_name));
  if (reserved) {
    const message = `The display name would name the destination schema "${baseName(input.display_name)}": ${reserved}. Choose another display name.`;
    return fail("InvalidProperties", message, { display_name: message });
  }
  // Secrets are sealed bound to the row, so they are written once the row (and its id) exists.
  const { plain, secret } = splitSecrets(type.properties, checked.value);
  const stored = mergeProperties(type.properties, { properties: "", secrets: "" }, plain, deps.box, { table: "Source", id: 0 });
  const scheduled = checkSchedule(stored.properties);
  if (!scheduled.ok) return scheduled;
  const nextFireAt = nextFireAtFor({ properties: stored.properties, pausedAt: null, deletedAt: null });
  const data = { accountId, displayName: input.display_name, type: type.type, destinationId: input.destination_id ?? null, nextFireAt, ...stored };
  const created = await insertWithUniqueName(deps.db, accountId, baseName(input.display_name), (name) =>
    deps.db.source.create({ data: { ...data, name }, select: { id: true, name: true } }),
  );
  await deps.db.$transaction(async (tx) => {
    if (Object.keys(secret).length) {
      const sealed = mergeProperties(type.properties, stored, secret, deps.box, { table: "Source", id: created.id });
      await tx.source.update({ where: { id: created.id }, data: { secrets: sealed.secrets } });
    }
    await recordConnectEvent(tx, accountId, by, "source.created", { type: "source", label: changeLabel(created) });
  });
  await maybeStartCheck(deps, accountId, created.id);
  return ok(toSource((await findRow(deps.db, accountId, created.id))!));
}

// Update display name, properties and pause state; a deleted source cannot change. A new host, port, user,
// database or TLS setting needs the password again (the stored one is never sent to a changed connection).
export async function updateSource(deps: ConnectDeps, accountId: number, id: number, input: UpdateSourceInput, by: ChangeBy): Promise<Result<Source>> {
  const row = await findRow(deps.db, accountId, id);
  if (!row) return fail("NotFound", "The source was not found.");
  if (row.deletedAt) return fail("InvalidBody", "The source is deleted; it cannot be changed.");
  const type = typeOf(row);
  const data: { displayName?: string; pausedAt?: Date | null; properties?: string; secrets?: string; destinationId?: number | null; nextFireAt?: Date | null } = {};
  const changed: string[] = [];
  if (input.display_name !== undefined && input.display_name !== row.displayName) changed.push("display_name");
  if (input.display_name !== undefined) data.displayName = input.display_name;
  if (input.destination_id !== undefined && input.destination_id !== null) {
    const destination = await deps.db.destination.findFirst({ where: { id: input.destination_id, accountId }, select: { id: true } });
    if (!destination) return fail("InvalidProperties", "The destination does not exist in this account.", { destination_id: "No such destination." });
  }
  if (input.destination_id !== undefined) data.destinationId = input.destination_id;
  if (input.destination_id !== undefined && input.destination_id !== row.destinationId) changed.push("destination_id");
  if (input.paused_at !== undefined) data.pausedAt = input.paused_at === null ? null : new Date();
  const change = clearNulls(input.properties);
  if (change) {
    const checked = checkProperties(type.properties, change);
    if (!checked.ok) return checked;
    const allowed = requireCredentialsOnIdentityChange(type.properties, identityProperties(row.type), row, checked.value);
    if (!allowed.ok) return allowed;
    changed.push(...changedPropertyNames(type.properties, row, checked.value));
    Object.assign(data, mergeProperties(type.properties, row, checked.value, deps.box, { table: "Source", id: row.id }));
    const scheduled = checkSchedule(data.properties!);
    if (!scheduled.ok) return scheduled;
  }
  // A new schedule or a resume starts counting now; a pause clears the slot.
  const scheduleChanged = change && SCHEDULE_PROPERTIES.some((k) => k in change);
  if (scheduleChanged || input.paused_at !== undefined) {
    data.nextFireAt = nextFireAtFor({ properties: data.properties ?? row.properties, pausedAt: data.pausedAt !== undefined ? data.pausedAt : row.pausedAt, deletedAt: null });
  }
  await deps.db.$transaction(async (tx) => {
    await tx.source.update({ where: { id: row.id }, data });
    if (input.paused_at !== undefined && (input.paused_at === null) !== (row.pausedAt === null)) {
      await recordConnectEvent(tx, accountId, by, input.paused_at === null ? "source.resumed" : "source.paused", { type: "source", label: changeLabel(row) });
    }
    if (changed.length) await recordConnectEvent(tx, accountId, by, "source.updated", { type: "source", label: changeLabel(row, changed) });
  });
  if (change && Object.keys(change).some((k) => !SCHEDULE_PROPERTIES.includes(k))) await maybeStartCheck(deps, accountId, row.id, true);
  return ok(toSource((await findRow(deps.db, accountId, id))!));
}

// Soft delete: the source stays readable with `deleted_at` set (deleting twice keeps the first time).
export async function deleteSource(db: Db, accountId: number, id: number, by: ChangeBy): Promise<Result<Source>> {
  await db.$transaction(async (tx) => {
    const gone = await tx.source.updateMany({ where: { id, accountId, deletedAt: null }, data: { deletedAt: new Date(), nextFireAt: null } });
    const row = gone.count ? await tx.source.findFirst({ where: { id, accountId }, select: { id: true, name: true } }) : null;
    if (row) await recordConnectEvent(tx, accountId, by, "source.deleted", { type: "source", label: changeLabel(row) });
  });
  const row = await findRow(db, accountId, id);
  return row ? ok(toSource(row)) : fail("NotFound", "The source was not found.");
}

// Run a connection check and discovery again (the form must be complete).
export async function checkSource(deps: ConnectDeps, accountId: number, id: number, by: ChangeBy): Promise<Result<Source>> {
  const row = await findRow(deps.db, accountId, id);
  if (!row) return fail("NotFound", "The source was not found.");
  if (row.deletedAt) return fail("InvalidBody", "The source is deleted; it cannot be checked.");
  const started = await maybeStartCheck(deps, accountId, id);
  if (started === "incomplete") return fail("InvalidProperties", "Fill in every required property before checking the connection.");
  if (started === "unreadable") return fail("InvalidProperties", UNREADABLE, { "properties.password": "Give the password again." });
  await recordConnectEvent(deps.db, accountId, by, "source.checked", { type: "source", label: changeLabel(row) });
  return ok(toSource((await findRow(deps.db, accountId, id))!));
}

const UNREADABLE = "The stored password cannot be opened (it was sealed for another source or with a key this server no longer has); give it again.";

// Start the check when the form is complete and the stored secrets open (a value moved from another row does not).
async function maybeStartCheck(deps: ConnectDeps, accountId: number, id: number, supersede = false): Promise<"started" | "incomplete" | "unreadable"> {
  const row = await findRow(deps.db, accountId, id);
  if (!row || row.deletedAt || !formComplete(typeOf(row), providedNames(row))) return "incomplete";
  let p: Record<string, string>;
  try {
    p = allProperties(row, deps.box, { table: "Source", id: row.id });
  } catch {
    return "unreadable";
  }
  const conn = {
    host: p.host,
    port: Number(p.port ?? 5432),
    database: p.dbname,
    user: p.user,
    password: p.password,
    ssl: p.ssl,
    sslrootcert: p.sslrootcert,
    filterSchemas: (p.filter_schemas ?? "").split(",").map((s) => s.trim()).filter(Boolean),
    // Never connect directly when the client asked for a tunnel.
    refusal: p.ssh === "true" ? SSH_TUNNEL_REFUSAL : undefined,
  };
  await startConnectionCheck(deps.db, { id, accountId }, conn, { supersede });
  return "started";
}

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

// The KeyStore the app verifies keys with: one indexed query, straight on the driver where it pays.
// prismaKeyStore (verify.ts) does the same through Prisma's query builder, several times slower (docs/benchmarks.md).
import "server-only";
import Database from "better-sqlite3";
import pg from "pg";
import type { Db } from "../db/factory";
import { databaseKind, databaseUrl, sqliteFilePath } from "../db/url";
import { prismaKeyStore, type KeyRecord, type KeyStore } from "./verify";

// The key, its account's plan, and whether its creator is still a member of that account.
const LOOKUP = `SELECT k.id, k."workspaceId" AS "accountId", k."createdById", k.status, k."lastUsedAt", k."expiresAt", k.access, k."allowedCidrs", w.plan,
  EXISTS (SELECT 1 FROM "Membership" m WHERE m."workspaceId" = k."workspaceId" AND m."userId" = k."createdById") AS member
  FROM "ApiKey" k JOIN "Workspace" w ON w.id = k."workspaceId" WHERE k.hash = `;

type Row = {
  id: number;
  accountId: number;
  createdById: string;
  status: string;
  lastUsedAt: Date | string | null;
  expiresAt: Date | string | number | null;
  access: string;
  allowedCidrs: string;
  plan: string;
  member: number | boolean;
};

function toRecord(row: Row | undefined): KeyRecord | null {
  if (!row) return null;
  // Built field by field (no rest/spread): this runs on every API request.
  return {
    id: row.id,
    accountId: row.accountId,
    createdById: row.createdById,
    status: row.status,
    plan: row.plan,
    access: row.access,
    allowedCidrs: row.allowedCidrs,
    lastUsedAt: row.lastUsedAt === null ? null : new Date(row.lastUsedAt),
    expiresAt: row.expiresAt === null ? null : new Date(row.expiresAt),
    creatorIsMember: Boolean(row.member),
  };
}

const sqliteConnections = new Map<string, Database.Statement<[string], Row>>();

// SQLite: a prepared statement on a second better-sqlite3 connection to the same file (WAL: reads never wait).
// Last-use writes, at most once a minute per key, stay with Prisma.
export function sqliteKeyStore(db: Db, file: string): KeyStore {
  let lookup = sqliteConnections.get(file);
  if (!lookup) {
    const conn = new Database(file, { fileMustExist: true, timeout: 10_000 });
    lookup = conn.prepare<[string], Row>(LOOKUP + "?");
    sqliteConnections.set(file, lookup);
  }
  const statement = lookup;
  const prisma = prismaKeyStore(db);
  return { findByHash: async (hash) => toRecord(statement.get(hash)), touchLastUsed: prisma.touchLastUsed };
}

const postgresPools = new Map<string, pg.Pool>();

// Prisma keeps a DateTime as UTC in a `timestamp(3)` column (no zone); node-postgres would read such a value in
// the server process's local time zone, so an expiry would move by the TZ offset. Read it as UTC.
const TIMESTAMP_WITHOUT_TIME_ZONE = 1114;
const utcTimestamps = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === TIMESTAMP_WITHOUT_TIME_ZONE && format !== "binary"
      ? (value: string) => new Date(`${value.replace(" ", "T")}Z`)
      : pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
};

// PostgreSQL: the same single query as a named prepared statement on a small pool of its own (Prisma's raw
// queries are parsed and planned anew each time). Last-use writes stay with Prisma.
export function postgresKeyStore(db: Db, url: string): KeyStore {
  let pool = postgresPools.get(url);
  if (!pool) {
    pool = new pg.Pool({ connectionString: url, max: Number(process.env.KEY_LOOKUP_POOL_SIZE ?? 4), types: utcTimestamps });
    // An idle connection the server dropped must not crash the app; the next query opens a new one.
    pool.on("error", (error) => console.error(`key lookup pool: ${error.message}`));
    postgresPools.set(url, pool);
  }
  const lookup = pool;
  const prisma = prismaKeyStore(db);
  return {
    findByHash: async (hash) => toRecord((await lookup.query<Row>({ name: "bobbin-key-lookup", text: LOOKUP + "$1", values: [hash] })).rows[0]),
    touchLastUsed: prisma.touchLastUsed,
  };
}

// The fastest store for the database `url` points at (the app's DATABASE_URL by default).
export function appKeyStore(db: Db, url: string = databaseUrl()): KeyStore {
  return databaseKind(url) === "sqlite" ? sqliteKeyStore(db, sqliteFilePath(url)) : postgresKeyStore(db, url);
}

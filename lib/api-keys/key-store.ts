// The KeyStore the app verifies keys with: one indexed query, straight on the driver where it pays.
// prismaKeyStore (verify.ts) does the same through Prisma's query builder, several times slower (docs/benchmarks.md).
import Database from "better-sqlite3";
import type { Db } from "../db-client";
import { databaseKind, databaseUrl, sqliteFilePath } from "../database-url";
import { prismaKeyStore, type KeyRecord, type KeyStore } from "./verify";

// The key, its account's plan, and whether its creator is still a member of that account.
const LOOKUP = `SELECT k.id, k."workspaceId", k."createdById", k.status, k."lastUsedAt", w.plan,
  EXISTS (SELECT 1 FROM "Membership" m WHERE m."workspaceId" = k."workspaceId" AND m."userId" = k."createdById") AS member
  FROM "ApiKey" k JOIN "Workspace" w ON w.id = k."workspaceId" WHERE k.hash = `;

type Row = { id: number; workspaceId: number; createdById: string; status: string; lastUsedAt: Date | string | null; plan: string; member: number | boolean };

function toRecord(row: Row | undefined): KeyRecord | null {
  if (!row) return null;
  const { member, lastUsedAt, ...rest } = row;
  return { ...rest, lastUsedAt: lastUsedAt === null ? null : new Date(lastUsedAt), creatorIsMember: Boolean(member) };
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

// PostgreSQL: the same single query through Prisma's raw SQL (one round trip instead of one per relation).
export function postgresKeyStore(db: Db): KeyStore {
  const prisma = prismaKeyStore(db);
  return {
    findByHash: async (hash) => toRecord((await db.$queryRawUnsafe<Row[]>(LOOKUP + "$1", hash))[0]),
    touchLastUsed: prisma.touchLastUsed,
  };
}

// The fastest store for the database `url` points at (the app's DATABASE_URL by default).
export function appKeyStore(db: Db, url: string = databaseUrl()): KeyStore {
  return databaseKind(url) === "sqlite" ? sqliteKeyStore(db, sqliteFilePath(url)) : postgresKeyStore(db);
}

// Prisma client construction for either database; lib/db.ts holds the app's one instance.
import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../prisma/generated/sqlite/index.js";
import { PrismaClient as PostgresPrismaClient } from "../../prisma/generated/postgres/index.js";
import { databaseKind, databaseUrl, sqliteFilePath } from "./url";

export type Db = PrismaClient;
// The client a transaction hands its work.
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
export type { Prisma } from "../../prisma/generated/sqlite/index.js";

// Both generated clients expose the same model API; application code sees one type.
export function createDb(url: string = databaseUrl()): Db {
  if (databaseKind(url) === "postgres") {
    const adapter = new PrismaPg({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
    return new PostgresPrismaClient({ adapter }) as unknown as Db;
  }
  // better-sqlite3 waits up to `timeout` ms for another process's write lock.
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: sqliteFilePath(url), timeout: 10_000 }) });
}


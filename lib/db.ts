// The one Prisma client. DATABASE_URL picks the driver adapter: SQLite (default) or PostgreSQL.
import "server-only";
import { createDb, type Db } from "./db-client";

export type { Db } from "./db-client";

const globalForDb = globalThis as unknown as { bobbinDb?: Db };
export const db: Db = globalForDb.bobbinDb ?? createDb();
if (process.env.NODE_ENV !== "production") globalForDb.bobbinDb = db;

// The one Prisma client. DATABASE_URL picks the driver adapter: SQLite (default) or PostgreSQL.
import "server-only";
import { createDb, type Db } from "./factory";

export type { Db } from "./factory";

const globalForDb = globalThis as unknown as { bobbinDb?: Db };
export const db: Db = globalForDb.bobbinDb ?? createDb();
if (process.env.NODE_ENV !== "production") globalForDb.bobbinDb = db;

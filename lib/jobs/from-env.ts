// The queue for this database: pg-boss on PostgreSQL, the in-process queue on SQLite.
import type { Db } from "../db-client";
import { databaseKind, databaseUrl } from "../database-url";
import { localQueue } from "./local-queue";
import { pgBossQueue } from "./pg-boss-queue";
import type { JobQueue } from "./queue";

// Build a queue for the app database at `url`.
export function queueFor(db: Db, url: string = databaseUrl()): JobQueue {
  return databaseKind(url) === "postgres" ? pgBossQueue(url) : localQueue(db);
}

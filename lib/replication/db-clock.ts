// The database's clock, so heartbeats written by one host and read by another's reaper never depend on host clocks.
import "server-only";
import type { Db } from "../db/factory";

// "postgresql" or "sqlite": which generated client this is.
const provider = (db: Db) => (db as unknown as { _activeProvider?: string })._activeProvider;

// Now, by the database server's clock on PostgreSQL; on SQLite (one host, one file) the host's clock.
export async function dbNow(db: Db): Promise<Date> {
  if (provider(db) !== "postgresql") return new Date();
  const rows = await db.$queryRawUnsafe<{ now: Date }[]>("SELECT now() AS now");
  return new Date(rows[0].now);
}

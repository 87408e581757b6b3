// Where the time of an authenticated request's key check goes, measured in this process on the bench database:
// the HMAC, the key lookup (and the SQL it sends), the last-use write, against a bare SELECT 1.
import { performance } from "node:perf_hooks";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { hashApiKey } from "../lib/api-keys/hash";
import { isWellFormedApiKey } from "../lib/api-keys/token";
import { prismaKeyStore, verifyApiKey } from "../lib/api-keys/verify";
import { sqliteFilePath } from "../lib/db/url";
import type { Db } from "../lib/db/factory";
import { PrismaClient } from "../prisma/generated/sqlite/index.js";

export type AuthStep = { step: string; microseconds: number; statements: number };
export type AuthProfile = { steps: AuthStep[]; lookupSql: string[] };

async function time(label: string, n: number, statements: () => number, run: () => unknown): Promise<AuthStep> {
  for (let i = 0; i < 50; i++) await run(); // warm-up
  const before = statements();
  const start = performance.now();
  for (let i = 0; i < n; i++) await run();
  return { step: label, microseconds: ((performance.now() - start) * 1000) / n, statements: (statements() - before) / n };
}

const ONE_JOIN = `SELECT k.id, k.workspaceId, k.createdById, k.status, k.lastUsedAt, w.plan,
  EXISTS (SELECT 1 FROM Membership m WHERE m.userId = k.createdById AND m.workspaceId = k.workspaceId) AS member
  FROM ApiKey k JOIN Workspace w ON w.id = k.workspaceId WHERE k.hash = ?`;

// Average cost per call of each step of verifyApiKey (n calls each, sequential, one connection).
export async function profileAuth(databaseUrl: string, key: string, pepper: string, n = 2_000): Promise<AuthProfile> {
  const client = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: sqliteFilePath(databaseUrl) }), log: [{ emit: "event", level: "query" }] });
  let sql = 0;
  let captured: string[] | null = null;
  client.$on("query", (event) => {
    sql++;
    captured?.push(event.query);
  });
  const db = client as unknown as Db;
  const store = prismaKeyStore(db);
  const hash = hashApiKey(key, pepper);
  const count = () => sql;
  try {
    captured = [];
    await store.findByHash(hash);
    const lookupSql = captured;
    captured = null;
    const steps = [
      await time("format + CRC32 check", n, count, () => isWellFormedApiKey(key)),
      await time("HMAC-SHA256 of the key", n, count, () => hashApiKey(key, pepper)),
      await time("SELECT 1 (what /v4/health does)", n, count, () => db.$queryRawUnsafe("SELECT 1")),
      await time("prismaKeyStore.findByHash", n, count, () => store.findByHash(hash)),
      await time("for comparison: the same facts in one raw JOIN (not used by the app)", n, count, () => db.$queryRawUnsafe(ONE_JOIN, hash)),
      await time("verifyApiKey (all of the above)", n, count, () => verifyApiKey(store, key, pepper)),
    ];
    return { steps, lookupSql };
  } finally {
    await client.$disconnect();
  }
}

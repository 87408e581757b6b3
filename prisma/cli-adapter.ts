// Driver adapters for the Prisma CLI only (migrate, db seed), with fixes the app's runtime client does not need.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { randomUUID } from "node:crypto";
import { databaseKind, sqliteFilePath } from "../lib/db/url";

type Adapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;

// The SQLite shadow database replays multi-statement migrations through executeRaw,
// which better-sqlite3 refuses; send raw SQL with several statements through executeScript.
function scriptingShadow(adapter: Adapter): Adapter {
  const executeRaw = adapter.executeRaw.bind(adapter);
  adapter.executeRaw = async (query) => {
    if (query.args.length === 0 && query.sql.includes(";")) {
      await adapter.executeScript(query.sql);
      return 0;
    }
    return executeRaw(query);
  };
  return adapter;
}

// adapter-pg 6.19 cannot map Postgres "char" (OID 18) and "name" (OID 19), which the
// migration engine's own catalogue queries return; read them as text (OID 25).
let pgPatched = false;
function patchPgNameTypes() {
  if (pgPatched) return;
  pgPatched = true;
  const retype = (result: pg.QueryResult | undefined) => {
    for (const field of result?.fields ?? []) {
      if (field.dataTypeID === 18 || field.dataTypeID === 19) field.dataTypeID = 25;
    }
    return result;
  };
  const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const last = args.length - 1;
    const callback = args[last];
    if (typeof callback === "function") {
      // pg.Pool calls client.query with a callback.
      args[last] = (err: Error | null, result?: pg.QueryResult) => callback(err, retype(result));
      return query.apply(this, args);
    }
    const out = query.apply(this, args) as Promise<pg.QueryResult> | undefined;
    return out && typeof out.then === "function" ? out.then(retype) : out;
} as typeof pg.Client.prototype.query;
}

export function cliAdapterFor(url: string) {
  if (databaseKind(url) === "sqlite") {
    const factory = new PrismaBetterSQLite3({ url: sqliteFilePath(url) });
    const connectToShadowDb = factory.connectToShadowDb.bind(factory);
    factory.connectToShadowDb = async () => scriptingShadow(await connectToShadowDb());
    return factory;
  }
  patchPgNameTypes();
  // Separate fields, not a connection string: the shadow database overrides "database",
  // which a connection string would silently win over.
  const parsed = new URL(url);
  const fields = {
    host: parsed.hostname,
    port: Number(parsed.port || 5432),
    user: decodeURIComponent(parsed.username) || undefined,
    password: decodeURIComponent(parsed.password) || undefined,
    // Idle pooled connections would otherwise keep every CLI command alive for 10 s after it finished.
    allowExitOnIdle: true,
  };
  const factory = new PrismaPg({ ...fields, database: decodeURIComponent(parsed.pathname.slice(1)) });
  // The stock shadow database is dropped while its pool is still open; close the pool first.
  factory.connectToShadowDb = async () => {
    const admin = await factory.connect();
    const database = `bobbin_shadow_${randomUUID().replaceAll("-", "")}`;
    await admin.executeScript(`CREATE DATABASE "${database}"`);
    const shadow = await new PrismaPg({ ...fields, database }).connect();
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      await admin.executeScript(`DROP DATABASE "${database}"`);
      await admin.dispose();
    };
    return shadow;
  };
  return factory;
}

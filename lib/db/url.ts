// Which database the product runs on, from DATABASE_URL: "file:…" (or unset) is SQLite, "postgresql://…" is PostgreSQL.
import path from "node:path";

export const DEFAULT_DATABASE_URL = "file:./data/bobbin.db";
export type DatabaseKind = "sqlite" | "postgres";

export function databaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL;
}

export function databaseKind(url: string = databaseUrl()): DatabaseKind {
  if (/^postgres(ql)?:\/\//i.test(url)) return "postgres";
  if (url.startsWith("file:")) return "sqlite";
  throw new Error(`DATABASE_URL must start with "file:" (SQLite) or "postgresql://" (PostgreSQL); got "${url.split(":")[0]}:…"`);
}

// The SQLite file a "file:" URL names, resolved from the working directory (as Prisma does).
export function sqliteFilePath(url: string = databaseUrl()): string {
  const raw = url.slice("file:".length).split("?")[0];
  return path.resolve(raw);
}

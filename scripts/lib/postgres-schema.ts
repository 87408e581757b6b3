// The PostgreSQL schema is generated from the hand-edited SQLite schema (one source of truth).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export const SQLITE_SCHEMA = "prisma/schema.prisma";
export const POSTGRES_SCHEMA = "prisma/postgres/schema.prisma";

export function postgresSchemaFrom(sqlite: string): string {
  const header = "// GENERATED from prisma/schema.prisma by scripts/gen-postgres-schema.ts. Do not edit.\n";
  const out = sqlite
    .replace(/^\/\/ The one hand-edited schema\.[^\n]*\n(\/\/[^\n]*\n)*/m, "")
    .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
    .replace(/output\s*=\s*"\.\/generated\/sqlite"/, 'output     = "../generated/postgres"');
  if (out.includes('"sqlite"') || !out.includes("../generated/postgres")) {
    throw new Error("gen-postgres-schema: the SQLite schema no longer has the expected provider/output lines");
  }
  return header + out;
}

function expectedPostgresSchema(): string {
  return postgresSchemaFrom(readFileSync(SQLITE_SCHEMA, "utf8"));
}

// Whether prisma/postgres/schema.prisma differs from what the SQLite schema generates (missing counts as stale).
export function isPostgresSchemaStale(): boolean {
  try {
    return readFileSync(POSTGRES_SCHEMA, "utf8") !== expectedPostgresSchema();
  } catch {
    return true;
  }
}

// (Re)write prisma/postgres/schema.prisma; returns whether it changed.
export function writePostgresSchema(): boolean {
  const stale = isPostgresSchemaStale();
  mkdirSync(path.dirname(POSTGRES_SCHEMA), { recursive: true });
  if (stale) writeFileSync(POSTGRES_SCHEMA, expectedPostgresSchema());
  return stale;
}

// Generate prisma/postgres/schema.prisma from the hand-edited SQLite schema (one source of truth).
// Usage: tsx scripts/gen-postgres-schema.ts [--check]   (--check: exit 1 when the copy is stale)
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";

const SOURCE = "prisma/schema.prisma";
const TARGET = "prisma/postgres/schema.prisma";

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

const expected = postgresSchemaFrom(readFileSync(SOURCE, "utf8"));
if (process.argv.includes("--check")) {
  let actual = "";
  try { actual = readFileSync(TARGET, "utf8"); } catch { /* missing counts as stale */ }
  if (actual !== expected) {
    console.error(`${TARGET} is stale: run "npx tsx scripts/gen-postgres-schema.ts" and commit it.`);
    process.exit(1);
  }
  console.log(`${TARGET} is up to date.`);
} else {
  mkdirSync("prisma/postgres", { recursive: true });
  writeFileSync(TARGET, expected);
  console.log(`wrote ${TARGET}`);
}

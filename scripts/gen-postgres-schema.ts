// Generate prisma/postgres/schema.prisma from the hand-edited SQLite schema (one source of truth).
// Usage: tsx scripts/gen-postgres-schema.ts [--check]   (--check: exit 1 when the copy is stale)
// `npm run db:check` runs this check and the migration checks; `npm run db:migration -- new <name>` regenerates too.
import { POSTGRES_SCHEMA, isPostgresSchemaStale, writePostgresSchema } from "./lib/postgres-schema";

if (process.argv.includes("--check")) {
  if (isPostgresSchemaStale()) {
    console.error(`${POSTGRES_SCHEMA} is stale: run "npx tsx scripts/gen-postgres-schema.ts" and commit it.`);
    process.exit(1);
  }
  console.log(`${POSTGRES_SCHEMA} is up to date.`);
} else {
  console.log(writePostgresSchema() ? `wrote ${POSTGRES_SCHEMA}` : `${POSTGRES_SCHEMA} is already up to date`);
}

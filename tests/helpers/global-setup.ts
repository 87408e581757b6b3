// Once per run: a migrated template database that each test file copies (SQLite) or clones (PostgreSQL).
import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { migrate, dropPostgresDatabase, removeSqliteFiles } from "../../scripts/lib/database";
import { testDatabaseKind, templateUrl } from "./test-db-urls";

export default async function setup() {
  for (const name of ["NEXTAUTH_SECRET", "API_KEY_HMAC_SECRET", "DATA_ENCRYPTION_KEY"]) {
    process.env[name] ||= randomBytes(48).toString("base64url");
  }
  const url = templateUrl();
  if (testDatabaseKind() === "sqlite") {
    const file = url.slice("file:".length);
    mkdirSync(path.dirname(file), { recursive: true });
    removeSqliteFiles(file);
  } else {
    await dropPostgresDatabase(url);
  }
  await migrate(url);
  return async () => {
    if (testDatabaseKind() === "postgres") await dropPostgresDatabase(url);
  };
}

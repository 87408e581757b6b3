// Where test databases live: TEST_DATABASE=postgres puts them on the local PostgreSQL server.
import path from "node:path";

export function testDatabaseKind(): "sqlite" | "postgres" {
  return process.env.TEST_DATABASE === "postgres" ? "postgres" : "sqlite";
}

export const PG_SERVER = process.env.TEST_PG_URL ?? "postgresql://postgres@127.0.0.1:5432";
const RUN = process.env.TEST_RUN_ID ?? "local";

export function templateUrl(): string {
  return testDatabaseKind() === "sqlite"
    ? `file:${path.resolve(".tmp/vitest/template.db")}`
    : `${PG_SERVER}/bobbin_test_${RUN}_template`;
}

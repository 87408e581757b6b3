// A real PostgreSQL source database for a Vitest file, dropped after the file's tests.
import { afterAll } from "vitest";
import { dropSourceDatabase, makeSourceDatabase } from "./source-database";

export { SOURCE_PG } from "./source-database";

export async function createSourceDatabase(): Promise<string> {
  const name = await makeSourceDatabase();
  afterAll(() => dropSourceDatabase(name));
  return name;
}

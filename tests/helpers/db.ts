// A fresh, migrated database for one test file: a copy of the template (SQLite) or a clone (PostgreSQL).
import { copyFileSync, rmSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { afterAll } from "vitest";
import { settleConnectionChecks } from "@/lib/connect/checks";
import { createDb, type Db } from "@/lib/db/factory";
import { PG_SERVER, templateUrl, testDatabaseKind } from "./test-db-urls";

export type TestDb = { db: Db; url: string };

export async function freshDb(): Promise<TestDb> {
  const id = randomBytes(6).toString("hex");
  let url: string;
  if (testDatabaseKind() === "sqlite") {
    const file = path.resolve(`.tmp/vitest/${id}.db`);
    copyFileSync(templateUrl().slice("file:".length), file);
    url = `file:${file}`;
    afterAll(() => rmSync(file, { force: true }));
  } else {
    const template = new URL(templateUrl()).pathname.slice(1);
    const name = `${template.replace(/_template$/, "")}_${id}`;
    const admin = new pg.Client({ connectionString: `${PG_SERVER}/postgres` });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
    await admin.end();
    url = `${PG_SERVER}/${name}`;
    afterAll(async () => {
      const c = new pg.Client({ connectionString: `${PG_SERVER}/postgres` });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    });
  }
  const db = createDb(url);
  // Checks a test started in the background (creating a source starts one) record their outcome first.
  afterAll(async () => {
    await settleConnectionChecks();
    await db.$disconnect();
  });
  return { db, url };
}

// After the whole e2e suite: no plaintext API key and no password anywhere at rest — the database, the
// server's log, the built pages. Any string shaped like a key is a leak (keys are never stored).
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { TEST_PASSWORD } from "../../tests/helpers/accounts";
import { POSTGRES_SOURCE } from "../support/api";
import { E2E_SERVER_LOG, e2eDatabaseUrl } from "../support/env";
import { DESTINATION_PASSWORD, SOURCE_PASSWORD } from "../support/source-servers";
import { expect, test } from "../support/fixtures";

const KEY_SHAPE = /bobbin_[0-9A-Za-z]{49}/;
const PASSWORDS = [TEST_PASSWORD, POSTGRES_SOURCE.properties.password, SOURCE_PASSWORD, DESTINATION_PASSWORD, "bobbin-demo", "a-good-long-password"];

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? filesUnder(file) : [file];
  });
}

async function databaseText(): Promise<string[]> {
  const url = e2eDatabaseUrl();
  if (url.startsWith("file:")) {
    return ["", "-wal", "-journal"].map((s) => url.slice(5) + s).filter(existsSync).map((f) => readFileSync(f, "latin1"));
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = (await client.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`)).rows.map((r) => r.tablename as string);
    const dumps = [];
    for (const table of tables) dumps.push(JSON.stringify((await client.query(`SELECT * FROM "${table.replaceAll('"', '""')}"`)).rows));
    return dumps;
  } finally {
    await client.end();
  }
}

test("no plaintext key or password in the database, the server log or the built pages", async () => {
  const haystacks: [string, string][] = [
    ...(await databaseText()).map((text, i) => [`database part ${i}`, text] as [string, string]),
    ["server log", readFileSync(E2E_SERVER_LOG, "latin1")],
    ...filesUnder(path.resolve(".next/server/app"))
      .concat(filesUnder(path.resolve(".next/static")))
      .filter((f) => /\.(html|rsc|body|json|js|meta)$/.test(f))
      .map((f) => [f, readFileSync(f, "latin1")] as [string, string]),
  ];
  expect(haystacks.length).toBeGreaterThan(10);
  const leaks = haystacks.flatMap(([where, text]) => {
    const found = [];
    const key = KEY_SHAPE.exec(text);
    if (key) found.push(`${where}: a key ${key[0].slice(0, 12)}…`);
    for (const password of PASSWORDS) if (text.includes(password)) found.push(`${where}: the password ${password.slice(0, 3)}…`);
    return found;
  });
  expect(leaks).toEqual([]);
});

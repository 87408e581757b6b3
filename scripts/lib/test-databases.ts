// The PostgreSQL databases of one test run (TEST_RUN_ID): is the server there, and drop what the run made.
import pg from "pg";

export const PG_SERVER = (process.env.TEST_PG_URL ?? "postgresql://postgres@127.0.0.1:5432").replace(/\/+$/, "");

// Run ids are [a-z0-9] only, so one run's database names never match another run's pattern.
export function sanitizeRunId(raw: string): string {
  return raw.toLowerCase().replace(/[^a-z0-9]/g, "") || "local";
}

// Names made by tests/helpers (bobbin_test_<run>_template and _<id> clones, bobbin_src_<run>_<random> sources and
// destinations) and e2e/support/env.ts (bobbin_e2e_<run>).
export function isRunDatabase(name: string, run: string): boolean {
  return name === `bobbin_e2e_${run}` || new RegExp(`^bobbin_(test|src)_${run}_[a-z0-9]+$`).test(name);
}

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: `${PG_SERVER}/postgres`, connectionTimeoutMillis: 3_000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function postgresReachable(): Promise<boolean> {
  try {
    await withAdmin((c) => c.query("SELECT 1"));
    return true;
  } catch {
    return false;
  }
}

// Drop every database of this run; returns their names.
export async function dropRunDatabases(run: string): Promise<string[]> {
  return withAdmin(async (client) => {
    const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'bobbin\\_%'");
    const names = rows.map((r) => r.datname).filter((name) => isRunDatabase(name, run));
    for (const name of names) await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    return names;
  });
}

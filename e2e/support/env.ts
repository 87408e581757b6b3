// Where the e2e server listens and which database it uses (shared by the config, the server and fixtures).
import path from "node:path";

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);

export function e2eBaseUrl(): string {
  return `http://localhost:${E2E_PORT}`;
}

export function e2eDatabaseUrl(): string {
  if (process.env.TEST_DATABASE === "postgres") {
    const server = process.env.TEST_PG_URL ?? "postgresql://postgres@127.0.0.1:5432";
    return `${server}/bobbin_e2e_${process.env.TEST_RUN_ID ?? "local"}`;
  }
  return `file:${path.resolve(".tmp/e2e/bobbin.db")}`;
}

// Secrets the e2e server runs with; fixed per run in .tmp so fixtures can compute key hashes too.
export const E2E_SECRETS_FILE = path.resolve(".tmp/e2e/secrets.json");
export const E2E_SERVER_LOG = path.resolve(".tmp/e2e/server.log");

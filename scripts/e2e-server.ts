// The server behind the Playwright suite: a fresh database, migrations, the demo seed, build, next start.
import { spawn, execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { E2E_PORT, E2E_SECRETS_FILE, E2E_SERVER_LOG, e2eDatabaseUrl } from "../e2e/support/env";
import { SECRET_NAMES } from "../lib/secrets";
import { dropPostgresDatabase, migrate, removeSqliteFiles, seedIfEmpty } from "./lib/database";

async function main() {
  const url = e2eDatabaseUrl();
  mkdirSync(path.dirname(E2E_SECRETS_FILE), { recursive: true });
  if (url.startsWith("file:")) removeSqliteFiles(url.slice(5));
  else await dropPostgresDatabase(url);
  await migrate(url);
  await seedIfEmpty(url);

  const secrets = Object.fromEntries(SECRET_NAMES.map((n) => [n, randomBytes(48).toString("base64url")]));
  writeFileSync(E2E_SECRETS_FILE, JSON.stringify(secrets), { mode: 0o600 });
  const env = {
    ...process.env,
    ...secrets,
    DATABASE_URL: url,
    PORT: String(E2E_PORT),
    NEXTAUTH_URL: `http://localhost:${E2E_PORT}`,
    NEXT_TELEMETRY_DISABLED: "1",
    // The suites' source databases are on 127.0.0.1 (next start runs with NODE_ENV=production).
    ALLOW_PRIVATE_HOSTS: process.env.ALLOW_PRIVATE_HOSTS ?? "1",
    // Key usage is flushed every second instead of every minute, so the usage chart can be checked promptly.
    USAGE_FLUSH_INTERVAL_MS: "1000",
  };
  if (process.env.E2E_SKIP_BUILD !== "1") {
    execFileSync("npx", ["next", "build"], { stdio: ["ignore", "ignore", "inherit"], env: { ...env, NODE_ENV: "production" } });
  }
  // The server's output also goes to a log file, which the secrets tests search for plaintext keys.
  const log = createWriteStream(E2E_SERVER_LOG, { flags: "w" });
  const child = spawn("npx", ["next", "start", "-p", String(E2E_PORT)], { stdio: ["ignore", "pipe", "pipe"], env });
  child.stdout.on("data", (chunk) => { process.stdout.write(chunk); log.write(chunk); });
  child.stderr.on("data", (chunk) => { process.stderr.write(chunk); log.write(chunk); });
  const stop = () => child.kill("SIGTERM");
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  child.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

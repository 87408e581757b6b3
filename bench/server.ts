// The server under benchmark: a fresh SQLite database seeded through the domain, and `next start` of the current build.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { createApiKey } from "../lib/api-keys/service";
import { createSource } from "../lib/connect/sources";
import { createSecretBox } from "../lib/crypto/secret-box";
import { createDb } from "../lib/db-client";
import { SECRET_NAMES, type SecretName } from "../lib/secrets";
import { migrate, removeSqliteFiles } from "../scripts/lib/database";
import { createTestAccount } from "../tests/helpers/accounts";

const NEXT_BIN = path.resolve("node_modules/next/dist/bin/next");

export type BenchServer = { url: string; key: string; databaseUrl: string; pepper: string; stop: () => Promise<void> };

// Build unless a build exists (BENCH_BUILD=1 forces one).
export function ensureBuild(): void {
  if (process.env.BENCH_BUILD !== "1" && existsSync(".next/BUILD_ID")) return;
  execFileSync(process.execPath, [NEXT_BIN, "build"], { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" } });
}

// A fresh database with one Enterprise account, one key and `sources` sources; returns the key's plaintext.
export async function seedDatabase(databaseUrl: string, secrets: Record<SecretName, string>, sources: number): Promise<string> {
  removeSqliteFiles(databaseUrl.slice("file:".length));
  await migrate(databaseUrl);
  const db = createDb(databaseUrl);
  try {
    const account = await createTestAccount(db, { name: "Bench" });
    const user = await db.user.findUniqueOrThrow({ where: { email: account.emails[0] } });
    const key = await createApiKey(db, { workspaceId: account.id, userId: user.id }, "bench", secrets.API_KEY_HMAC_SECRET);
    if (!key.ok) throw new Error(key.message);
    const deps = { db, box: createSecretBox(secrets.DATA_ENCRYPTION_KEY) };
    for (let i = 0; i < sources; i++) {
      // An incomplete form: stored and listed, but no connection check starts.
      const made = await createSource(deps, account.id, { display_name: `Bench source ${i + 1}`, type: "platform.postgres", properties: { host: `db${i}.internal` } }, { actor: { type: "system", label: "bench" } });
      if (!made.ok) throw new Error(made.message);
    }
    return key.value.plaintext;
  } finally {
    await db.$disconnect();
  }
}

// Seed, then start `next start` on port (a free one from 3750 by default) and wait until it answers.
export async function startBenchServer(options: { port?: number; sources?: number } = {}): Promise<BenchServer> {
  ensureBuild();
  const port = options.port ?? (await freePort(Number(process.env.BENCH_PORT ?? 3750)));
  const databaseUrl = `file:${path.resolve(".tmp/bench/bobbin.db")}`;
  const secrets = Object.fromEntries(SECRET_NAMES.map((n) => [n, randomBytes(48).toString("base64url")])) as Record<SecretName, string>;
  const key = await seedDatabase(databaseUrl, secrets, options.sources ?? 20);
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env, ...secrets, DATABASE_URL: databaseUrl, PORT: String(port), NEXTAUTH_URL: url, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" };
  const child = spawn(process.execPath, [NEXT_BIN, "start", "-p", String(port)], { env, detached: true, stdio: ["ignore", "ignore", "pipe"] });
  let log = "";
  child.stderr!.on("data", (chunk: Buffer) => (log = (log + chunk).slice(-5_000)));
  const stop = () => stopChild(child);
  try {
    await waitUntilUp(child, `${url}/v4/health`, () => log);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, key, databaseUrl, pepper: secrets.API_KEY_HMAC_SECRET, stop };
}

async function waitUntilUp(child: ChildProcess, url: string, log: () => string, timeoutMs = 60_000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; ) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}):\n${log()}`);
    if (await fetch(url).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`next start did not answer ${url}:\n${log()}`);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  process.kill(-child.pid, "SIGTERM");
  await exited;
}

async function freePort(from: number): Promise<number> {
  for (let port = from; port < 3800; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const server = net.createServer().once("error", () => resolve(false));
      server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port in ${from}-3799`);
}

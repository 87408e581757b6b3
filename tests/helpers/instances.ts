// Several `next start` processes of one build, sharing one database and the same secrets: the product
// scaled out behind a load balancer, minus the balancer (tests pick the instance for each request).
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { E2E_PORT } from "../../e2e/support/env";
import { SECRET_NAMES, type SecretName } from "../../lib/secrets";

export type Instance = { name: string; port: number; url: string; logs: () => string };
export type Cluster = {
  instances: Instance[];
  secrets: Record<SecretName, string>;
  databaseUrl: string;
  stop: () => Promise<void>;
  // kill -9 every instance (crash tests).
  crash: () => void;
};

export type ClusterOptions = {
  databaseUrl: string;
  count?: number;
  // Extra environment for every instance (e.g. feature flags); secrets and DATABASE_URL are set here.
  env?: Record<string, string>;
};

const NEXT_BIN = path.resolve("node_modules/next/dist/bin/next");
const running = new Set<ChildProcess>();
process.on("exit", () => running.forEach((child) => killGroup(child)));

// Build once. E2E_SKIP_BUILD=1 reuses an existing .next (npm test sets it after the e2e suite built one).
export function ensureBuild(): void {
  if (process.env.E2E_SKIP_BUILD === "1" && existsSync(".next/BUILD_ID")) return;
  try {
    execFileSync(process.execPath, [NEXT_BIN, "build"], {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(`next build failed:\n${stdout ?? ""}${stderr ?? ""}`);
  }
}

// Start `count` instances (default 2) of the current build on one database; resolves when all answer.
export async function startInstances(options: ClusterOptions): Promise<Cluster> {
  ensureBuild();
  const secrets = Object.fromEntries(SECRET_NAMES.map((n) => [n, randomBytes(48).toString("base64url")])) as Record<SecretName, string>;
  const ports = await freePorts(options.count ?? 2);
  // Every instance is configured alike, as behind a load balancer: one public URL, one set of secrets.
  const publicUrl = `http://localhost:${ports[0]}`;
  const children: ChildProcess[] = [];
  const stop = async () => {
    await Promise.all(children.map(stopChild));
  };
  try {
    const instances = await Promise.all(
      ports.map((port, i) => {
        const env = { ...process.env, ...options.env, ...secrets, DATABASE_URL: options.databaseUrl, NEXTAUTH_URL: publicUrl };
        const { child, instance } = launch(String.fromCharCode(65 + i), port, env);
        children.push(child);
        return waitUntilUp(child, instance);
      }),
    );
    const crash = () => children.forEach((child) => killGroup(child, "SIGKILL"));
    return { instances, secrets, databaseUrl: options.databaseUrl, stop, crash };
  } catch (error) {
    await stop();
    throw error;
  }
}

function launch(name: string, port: number, baseEnv: NodeJS.ProcessEnv): { child: ChildProcess; instance: Instance } {
  const env: NodeJS.ProcessEnv = { ...baseEnv, PORT: String(port), NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" };
  // Its own process group, so that stopping it also stops anything it spawned.
  const child = spawn(process.execPath, [NEXT_BIN, "start", "-p", String(port)], { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  running.add(child);
  child.on("exit", () => running.delete(child));
  let log = "";
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
    if (process.env.DEBUG_INSTANCES) process.stderr.write(`[${name}] ${chunk}`);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  return { child, instance: { name, port, url: `http://localhost:${port}`, logs: () => log } };
}

async function waitUntilUp(child: ChildProcess, instance: Instance, timeoutMs = 120_000): Promise<Instance> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`instance ${instance.name} exited (${child.exitCode ?? child.signalCode}):\n${instance.logs()}`);
    }
    try {
      const res = await fetch(`${instance.url}/api/auth/csrf`, { signal: AbortSignal.timeout(5_000) });
      if (res.ok) return instance;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`instance ${instance.name} did not answer on ${instance.url} within ${timeoutMs / 1000} s:\n${instance.logs()}`);
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM"): void {
  try {
    if (child.pid) process.kill(-child.pid, signal);
  } catch {
    /* already gone */
  }
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  killGroup(child);
  const timer = setTimeout(() => killGroup(child, "SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}

// Free ports from INSTANCE_PORT_BASE, one per instance. The default derives from E2E_PORT but lies far from the
// e2e ports (20000 + 20 × (E2E_PORT mod 1000): 3101 → 20020, 3102 → 20040), so runs side by side with
// neighbouring E2E_PORTs take neither each other's e2e server port nor each other's instance ports.
async function freePorts(count: number): Promise<number[]> {
  const ports: number[] = [];
  let port = Number(process.env.INSTANCE_PORT_BASE ?? 20_000 + 20 * (E2E_PORT % 1000));
  for (const limit = port + 50; ports.length < count; port++) {
    if (port >= limit) throw new Error(`no ${count} free ports from ${limit - 50}`);
    if (await isFree(port)) ports.push(port);
  }
  return ports;
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, () => server.close(() => resolve(true)));
  });
}

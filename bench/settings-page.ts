// /settings/account: first-load JS from the build output, and server render time with 10 keys vs /login,
// through `next start` (port BENCH_PORT, default 3360) on a fresh seeded SQLite file. Needs a build (.next).
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { createApiKey } from "../lib/api-keys/service";
import { createDb } from "../lib/db/factory";
import { SECRET_NAMES } from "../lib/secrets";
import { migrate } from "../scripts/lib/database";
import { createTestAccount, TEST_PASSWORD } from "../tests/helpers/accounts";
import { signInOverHttp } from "../tests/helpers/http-session";
import type { BenchRow } from "./measure";

const ROUTE = "/(app)/[account]/settings/account/page";

// The route's first-load scripts: the root main files plus the layout's and the page's entry chunks.
function firstLoadJs(): { files: number; raw: number; gzip: number } {
  const build = JSON.parse(readFileSync(".next/build-manifest.json", "utf8")) as { rootMainFiles: string[] };
  const manifestFile = path.join(".next/server/app", ROUTE.slice(1).replace(/page$/, "page_client-reference-manifest.js"));
  const text = readFileSync(manifestFile, "utf8");
  const manifest = JSON.parse(text.slice(text.indexOf("= {") + 2).replace(/;\s*$/, "")) as { entryJSFiles: Record<string, string[]> };
  const entries = [manifest.entryJSFiles["[project]/app/layout"], manifest.entryJSFiles[`[project]/app${ROUTE}`]].flat();
  const files = [...new Set([...build.rootMainFiles, ...entries])];
  let raw = 0;
  let gzip = 0;
  for (const f of files) {
    const bytes = readFileSync(path.join(".next", f));
    raw += bytes.length;
    gzip += gzipSync(bytes).length;
  }
  return { files: files.length, raw, gzip };
}

async function medianMs(fetchOnce: () => Promise<Response>, runs = 40): Promise<number> {
  for (let i = 0; i < 5; i++) await (await fetchOnce()).text();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const res = await fetchOnce();
    await res.text();
    if (res.status !== 200) throw new Error(`status ${res.status}`);
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

export async function run(): Promise<BenchRow[]> {
  if (!existsSync(".next/BUILD_ID")) throw new Error("no build: run `npx next build` first");
  const js = firstLoadJs();
  const rows: BenchRow[] = [{ bench: "settings page", variant: `first-load JS (${js.files} files)`, value: `${(js.raw / 1024).toFixed(1)} KiB raw, ${(js.gzip / 1024).toFixed(1)} KiB gzip` }];

  const file = path.resolve(".tmp/bench/settings.db");
  for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
  const url = `file:${file}`;
  await migrate(url);
  const secrets = Object.fromEntries(SECRET_NAMES.map((n) => [n, randomBytes(48).toString("base64url")]));
  const db = createDb(url);
  const account = await createTestAccount(db);
  const user = await db.user.findUniqueOrThrow({ where: { email: account.emails[0] } });
  for (let i = 0; i < 10; i++) await createApiKey(db, { accountId: account.id, userId: user.id }, `bench key ${i}`, secrets.API_KEY_HMAC_SECRET);
  await db.$disconnect();

  const port = Number(process.env.BENCH_PORT ?? 3360);
  const base = `http://localhost:${port}`;
  const env = { ...process.env, ...secrets, DATABASE_URL: url, NEXTAUTH_URL: base, NODE_ENV: "production" as const, NEXT_TELEMETRY_DISABLED: "1" };
  const server = spawn(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "start", "-p", String(port)], { env, stdio: "ignore", detached: true });
  try {
    for (let i = 0; ; i++) {
      if (await fetch(`${base}/login`).then((r) => r.ok, () => false)) break;
      if (i > 240) throw new Error("next start did not answer");
      await new Promise((r) => setTimeout(r, 250));
    }
    const session = await signInOverHttp(base, account.emails[0], TEST_PASSWORD);
    const settings = await medianMs(() => session.fetch(base, `/${account.slug}/settings/account`));
    const login = await medianMs(() => fetch(`${base}/login`));
    rows.push({ bench: "settings page", variant: "server render /settings/account, 10 keys (median ms)", value: settings.toFixed(1) });
    rows.push({ bench: "settings page", variant: "server render /login (median ms)", value: login.toFixed(1), ratio: settings / login });
  } finally {
    process.kill(-server.pid!, "SIGTERM");
  }
  return rows;
}

// npm start: secrets, migrations, demo seed (SQLite, or --seed), build, then `next start` on $PORT.
import { spawn, execFileSync } from "node:child_process";
import path from "node:path";
import { databaseKind, databaseUrl } from "../lib/db/url";
import { SECRET_NAMES } from "../lib/secrets";
import { migrate, seedIfEmpty } from "./lib/database";
import { ensureSecrets } from "./lib/local-secrets";

const args = new Set(process.argv.slice(2));
const env = process.env;
env.NEXT_TELEMETRY_DISABLED = "1";
env.CHECKPOINT_DISABLE = "1";

async function main() {
  const fromFile = SECRET_NAMES.filter((name) => !env[name]);
  ensureSecrets(env);
  const url = databaseUrl(env);
  env.DATABASE_URL = url;
  const kind = databaseKind(url);
  if (kind === "postgres" && fromFile.length > 0) {
    console.log(`Note: ${fromFile.join(", ")} come from this machine's data/secrets.env. Every instance that shares this database needs the same values in its environment.`);
  }
  const port = env.PORT || "3000";
  env.NEXTAUTH_URL ||= `http://localhost:${port}`;

  console.log(`Database: ${kind === "sqlite" ? url : "PostgreSQL"} — applying migrations`);
  await migrate(url);

  const wantSeed = args.has("--seed") || env.BOBBIN_SEED === "1";
  if (env.NODE_ENV === "production") {
    // The demo password is public: never in production, whatever else asks for it.
    if (wantSeed) console.log("Not seeding the demo accounts: NODE_ENV=production.");
  } else if (kind === "sqlite" || wantSeed) {
    if (await seedIfEmpty(url)) console.log("Seeded the demo accounts (password: bobbin-demo).");
  }
  // The local demo on the embedded database may add sources on this machine (127.0.0.1) unless told otherwise.
  if (kind === "sqlite" && env.NODE_ENV !== "production" && env.ALLOW_PRIVATE_HOSTS === undefined) {
    env.ALLOW_PRIVATE_HOSTS = "1";
    console.log("ALLOW_PRIVATE_HOSTS=1 (local demo): sources may be on this machine or a private network. Set ALLOW_PRIVATE_HOSTS=0 to refuse them.");
  }

  if (!args.has("--no-build") && env.SKIP_BUILD !== "1") {
    execFileSync("npx", ["next", "build"], { stdio: "inherit", env: { ...env, NODE_ENV: "production" } });
  }

  // next's own binary, not npx: a signal to npx does not reach the server, which would outlive npm start.
  const child = spawn(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "start", "-p", port], { stdio: "inherit", env });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
  child.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((error: Error) => {
  console.error(`npm start failed: ${error.message}`);
  process.exit(1);
});

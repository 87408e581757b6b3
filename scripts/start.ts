// npm start: secrets, migrations, demo seed (SQLite, or --seed), build, then `next start` on $PORT.
import { spawn, execFileSync } from "node:child_process";
import { databaseKind, databaseUrl } from "../lib/database-url";
import { migrate, seedIfEmpty } from "./lib/database";
import { ensureSecrets } from "./lib/local-secrets";

const args = new Set(process.argv.slice(2));
const env = process.env;
env.NEXT_TELEMETRY_DISABLED = "1";
env.CHECKPOINT_DISABLE = "1";

async function main() {
  ensureSecrets(env);
  const url = databaseUrl(env);
  env.DATABASE_URL = url;
  const kind = databaseKind(url);
  const port = env.PORT || "3000";
  env.NEXTAUTH_URL ||= `http://localhost:${port}`;

  console.log(`Database: ${kind === "sqlite" ? url : "PostgreSQL"} — applying migrations`);
  await migrate(url);

  const wantSeed = args.has("--seed") || env.BOBBIN_SEED === "1";
  if (kind === "sqlite" || wantSeed) {
    if (await seedIfEmpty(url)) console.log("Seeded the demo accounts (password: bobbin-demo).");
  }

  if (!args.has("--no-build") && env.SKIP_BUILD !== "1") {
    execFileSync("npx", ["next", "build"], { stdio: "inherit", env: { ...env, NODE_ENV: "production" } });
  }

  const child = spawn("npx", ["next", "start", "-p", port], { stdio: "inherit", env });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
  child.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((error: Error) => {
  console.error(`npm start failed: ${error.message}`);
  process.exit(1);
});

// Generate both Prisma clients (SQLite and PostgreSQL); run on npm install.
import { execFileSync } from "node:child_process";

const targets = [
  ["SQLite", "file:./data/generate.db"],
  ["PostgreSQL", "postgresql://generate@127.0.0.1:5432/generate"],
];
for (const [name, url] of targets) {
  console.log(`prisma generate (${name} client)`);
  execFileSync("npx", ["prisma", "generate"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, DATABASE_URL: url, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
  });
}

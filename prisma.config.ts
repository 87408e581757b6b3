// Prisma CLI configuration: the schema, migrations and driver adapter follow DATABASE_URL.
import "dotenv/config";
import { defineConfig } from "prisma/config";
import { databaseKind, databaseUrl } from "./lib/db/url";
import { cliAdapterFor } from "./prisma/cli-adapter";

const url = databaseUrl();
const kind = databaseKind(url);
// The CLI still wants the schema's datasource url to resolve (see ENVIRONMENT.md item 3).
process.env.DATABASE_URL = url;

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: kind === "postgres" ? "prisma/postgres/schema.prisma" : "prisma/schema.prisma",
  migrations: {
    path: kind === "postgres" ? "prisma/postgres/migrations" : "prisma/migrations",
  },
  adapter: async () => cliAdapterFor(url),
});

// Bulk rows for the benchmarks, written straight through the driver (Prisma would take minutes at 100 000 keys).
import { randomBytes } from "node:crypto";
import Database from "better-sqlite3";
import pg from "pg";
import { hashApiKey } from "../lib/api-keys/hash";
import { generateApiKey } from "../lib/api-keys/token";

export type Seeded = { tokens: string[] };
const SAMPLE = 1_000; // keys whose plaintext we keep, to verify

type Row = { ws: number; user: string; hash: string; last4: string };

function* rows(accounts: number, keys: number, pepper: string, tokens: string[]): Generator<Row> {
  for (let i = 0; i < keys; i++) {
    const ws = (i % accounts) + 1;
    const token = i < SAMPLE ? generateApiKey() : null;
    if (token) tokens.push(token);
    const hash = token ? hashApiKey(token, pepper) : randomBytes(32).toString("base64url");
    yield { ws, user: `u${ws}`, hash, last4: hash.slice(-4) };
  }
}

// Keys carry a last use a day ahead, so that verifying records none (the hot path is the read: a
// key's last use is written at most once a minute).
const AHEAD_MS = 24 * 60 * 60 * 1000;

// Every key expires in a year and has an allow-list, so verifying runs the expiry and allow-list checks too.
export const BENCH_ALLOWED_CIDRS = "198.51.100.0/24 203.0.113.0/24 2001:db8::/32";
const EXPIRES_MS = 365 * 24 * 60 * 60 * 1000;

// Accounts 1..accounts (enterprise), one owner each, and `keys` enabled keys spread over them.
export function seedSqlite(file: string, accounts: number, keys: number, pepper: string): Seeded {
  const db = new Database(file);
  const tokens: string[] = [];
  const now = new Date().toISOString().replace("Z", "+00:00"); // as Prisma stores DateTime in SQLite
  const ahead = new Date(Date.now() + AHEAD_MS).toISOString().replace("Z", "+00:00");
  const expires = new Date(Date.now() + EXPIRES_MS).toISOString().replace("Z", "+00:00");
  db.transaction(() => {
    const user = db.prepare("INSERT INTO User (id, email, createdAt) VALUES (?, ?, ?)");
    const ws = db.prepare("INSERT INTO Workspace (id, slug, name, plan, apiKeyCount, createdAt) VALUES (?, ?, ?, 'enterprise', ?, ?)");
    const member = db.prepare("INSERT INTO Membership (workspaceId, userId, role, createdAt) VALUES (?, ?, 'owner', ?)");
    for (let a = 1; a <= accounts; a++) {
      user.run(`u${a}`, `u${a}@bench.test`, now);
      ws.run(a, `bench-${a}`, `Bench ${a}`, Math.ceil((keys - a + 1) / accounts), now);
      member.run(a, `u${a}`, now);
    }
    const key = db.prepare(
      "INSERT INTO ApiKey (workspaceId, createdById, description, hash, last4, status, createdAt, updatedAt, lastUsedAt, expiresAt, allowedCidrs) VALUES (?, ?, 'bench', ?, ?, 'enabled', ?, ?, ?, ?, ?)",
    );
    for (const r of rows(accounts, keys, pepper, tokens)) key.run(r.ws, r.user, r.hash, r.last4, now, now, ahead, expires, BENCH_ALLOWED_CIDRS);
  })();
  db.close();
  return { tokens };
}

export async function seedPostgres(url: string, accounts: number, keys: number, pepper: string): Promise<Seeded> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const tokens: string[] = [];
  await client.query(`INSERT INTO "User" (id, email) SELECT 'u' || a, 'u' || a || '@bench.test' FROM generate_series(1, $1) a`, [accounts]);
  await client.query(`INSERT INTO "Workspace" (id, slug, name, plan, "apiKeyCount") SELECT a, 'bench-' || a, 'Bench ' || a, 'enterprise', 0 FROM generate_series(1, $1) a`, [accounts]);
  await client.query(`INSERT INTO "Membership" ("workspaceId", "userId", role) SELECT a, 'u' || a, 'owner' FROM generate_series(1, $1) a`, [accounts]);
  const all = [...rows(accounts, keys, pepper, tokens)];
  for (let i = 0; i < all.length; i += 5_000) {
    const batch = all.slice(i, i + 5_000);
    await client.query(
      `INSERT INTO "ApiKey" ("workspaceId", "createdById", description, hash, last4, status, "updatedAt", "lastUsedAt", "expiresAt", "allowedCidrs")
       SELECT w, u, 'bench', h, l, 'enabled', now(), now() + interval '1 day', now() + interval '365 days', $5 FROM unnest($1::int[], $2::text[], $3::text[], $4::text[]) AS t(w, u, h, l)`,
      [batch.map((r) => r.ws), batch.map((r) => r.user), batch.map((r) => r.hash), batch.map((r) => r.last4), BENCH_ALLOWED_CIDRS],
    );
  }
  await client.query(`UPDATE "Workspace" w SET "apiKeyCount" = (SELECT count(*) FROM "ApiKey" k WHERE k."workspaceId" = w.id)`);
  await client.end();
  return { tokens };
}

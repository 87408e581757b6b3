// verifyApiKey throughput against the floor: the same HMAC and the same indexed lookup, straight on the driver.
// SQLite always; PostgreSQL when one answers on BENCH_PG_URL (default postgresql://postgres@127.0.0.1:5432).
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { hashApiKey } from "../lib/api-keys/hash";
import { prismaKeyStore, verifyApiKey, type KeyStore } from "../lib/api-keys/verify";
import { appKeyStore } from "../lib/api-keys/key-store";
import { createDb } from "../lib/db/factory";
import { dropPostgresDatabase, migrate } from "../scripts/lib/database";
import { callsPerSecond, type BenchRow } from "./measure";
import { seedPostgres, seedSqlite, type Seeded } from "./seed-keys";

const PEPPER = "bench-pepper-0123456789-0123456789-0123456789";
const CLIENT_ADDRESS = "203.0.113.7";
const SIZES = [
  { keys: 10, accounts: 1 },
  { keys: 100_000, accounts: 10_000 },
];
// The app's lookup (lib/api-keys/key-store.ts), expiry, access and allow-list columns included.
const LOOKUP = `SELECT k.id, k."workspaceId", k."createdById", k.status, k."lastUsedAt", k."expiresAt", k.access, k."allowedCidrs", w.plan,
  EXISTS (SELECT 1 FROM "Membership" m WHERE m."workspaceId" = k."workspaceId" AND m."userId" = k."createdById") AS member
  FROM "ApiKey" k JOIN "Workspace" w ON w.id = k."workspaceId" WHERE k.hash = `;

async function compare(label: string, keys: number, seeded: Seeded, stores: [string, KeyStore][], floor: (hash: string) => Promise<unknown> | unknown): Promise<BenchRow[]> {
  const { tokens } = seeded;
  let i = 0;
  const floorRate = await callsPerSecond(async () => {
    const row = await floor(hashApiKey(tokens[i++ % tokens.length], PEPPER));
    if (!row) throw new Error("floor lookup missed");
  });
  const out: BenchRow[] = [{ bench: `verify (${label}, ${keys} keys)`, variant: "floor: HMAC + driver", callsPerSecond: floorRate, ratio: 1 }];
  for (const [name, store] of stores) {
    const rate = await callsPerSecond(async () => {
      // From an address in the keys' allow-list: every check (expiry, allow-list, access) is in the path.
      if (!(await verifyApiKey(store, tokens[i++ % tokens.length], PEPPER, new Date(), CLIENT_ADDRESS))) throw new Error(`${name} refused a valid key`);
    });
    out.push({ bench: `verify (${label}, ${keys} keys)`, variant: `verifyApiKey(${name})`, callsPerSecond: rate, ratio: rate / floorRate });
  }
  return out;
}

async function sqlite(): Promise<BenchRow[]> {
  const out: BenchRow[] = [];
  for (const { keys, accounts } of SIZES) {
    const file = path.resolve(`.tmp/bench/verify-${keys}.db`);
    mkdirSync(path.dirname(file), { recursive: true });
    for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
    await migrate(`file:${file}`);
    const seeded = seedSqlite(file, accounts, keys, PEPPER);
    const db = createDb(`file:${file}`);
    const driver = new Database(file);
    const stmt = driver.prepare(LOOKUP + "?");
    const stores: [string, KeyStore][] = [["prismaKeyStore", prismaKeyStore(db)], ["appKeyStore", appKeyStore(db, `file:${file}`)]];
    out.push(...(await compare("SQLite", keys, seeded, stores, (hash) => stmt.get(hash))));
    driver.close();
    await db.$disconnect();
  }
  return out;
}

async function postgres(): Promise<BenchRow[]> {
  const server = process.env.BENCH_PG_URL ?? "postgresql://postgres@127.0.0.1:5432";
  const probe = new pg.Client({ connectionString: `${server}/postgres`, connectionTimeoutMillis: 2_000 });
  try {
    await probe.connect();
    await probe.end();
  } catch {
    console.error(`PostgreSQL not reachable at ${server}: skipped`);
    return [];
  }
  const out: BenchRow[] = [];
  for (const { keys, accounts } of SIZES) {
    const url = `${server}/bobbin_bench_${process.pid}_${keys}`;
    await dropPostgresDatabase(url);
    try {
      await migrate(url);
      const seeded = await seedPostgres(url, accounts, keys, PEPPER);
      const db = createDb(url);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const stores: [string, KeyStore][] = [["prismaKeyStore", prismaKeyStore(db)], ["appKeyStore", appKeyStore(db, url)]];
      const floor = async (hash: string) => (await client.query({ name: "bench-lookup", text: LOOKUP + "$1", values: [hash] })).rows[0];
      out.push(...(await compare("PostgreSQL", keys, seeded, stores, floor)));
      await client.end();
      await db.$disconnect();
    } finally {
      await dropPostgresDatabase(url);
    }
  }
  return out;
}

export async function run(): Promise<BenchRow[]> {
  return [...(await sqlite()), ...(await postgres())];
}

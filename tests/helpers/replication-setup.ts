// A Vitest account with a discovered PostgreSQL source, a PostgreSQL destination and selected streams.
import { onTestFinished } from "vitest";
import type { SecretBox } from "@/lib/crypto/secret-box";
import type { Db } from "@/lib/db/factory";
import { startConnectionCheck } from "@/lib/connect/checks";
import { createDestination } from "@/lib/connect/destinations";
import { findSourceType } from "@/lib/connect/integration-types";
import { mergeProperties } from "@/lib/connect/properties";
import { applySelection, type SelectionRequest } from "@/lib/connect/selection";
import { loadStreams, saveSelection } from "@/lib/connect/streams";
import { seedAccount } from "./accounts";
import { createEmptyDatabase, createReplicationSource, dropDatabase, SOURCE_PG } from "./replication-databases";

export const DEST_PASSWORD = "dest-secret-pw-42-xyz";
export { TEST_ACTOR } from "./accounts";
import { TEST_ACTOR } from "./accounts";

export const SOURCE_PASSWORD = "source-secret-pw-42-xyz";

export type Setup = { accountId: number; sourceId: number; sourceName: string; sourceDb: string; destDb: string; userId: string };

// Create both databases (dropped when the calling test finishes), the account, source (discovered) and destination.
export async function setUpReplication(db: Db, box: SecretBox): Promise<Setup> {
  const sourceDb = await createReplicationSource();
  onTestFinished(() => dropDatabase(sourceDb));
  const destDb = await createEmptyDatabase();
  onTestFinished(() => dropDatabase(destDb));
  const acct = await seedAccount(db);
  const type = findSourceType("platform.postgres")!;
  const props = { host: SOURCE_PG.host, port: String(SOURCE_PG.port), dbname: sourceDb, user: SOURCE_PG.user, password: SOURCE_PASSWORD };
  const created = await db.source.create({ data: { accountId: acct.accountId, name: `shop_${sourceDb.slice(-8)}`, displayName: "Shop", type: type.type } });
  const stored = mergeProperties(type.properties, { properties: "", secrets: "" }, props, box, { table: "Source", id: created.id });
  const source = await db.source.update({ where: { id: created.id }, data: stored });
  const check = await startConnectionCheck(db, source, { host: SOURCE_PG.host, port: SOURCE_PG.port, database: sourceDb, user: SOURCE_PG.user, filterSchemas: [] });
  await check.finished;
  const dest = await createDestination({ db, box }, acct.accountId, {
    type: "postgres",
    properties: { host: SOURCE_PG.host, port: String(SOURCE_PG.port), username: SOURCE_PG.user, database: destDb, password: DEST_PASSWORD, ssl: false },
  }, TEST_ACTOR);
  if (!dest.ok) throw new Error(dest.message);
  return { accountId: acct.accountId, sourceId: source.id, sourceName: source.name, sourceDb, destDb, userId: acct.users[0].id };
}

const top = (metadata: Record<string, unknown>) => ({ breadcrumb: [] as string[], metadata });
const field = (name: string, selected: boolean) => ({ breadcrumb: ["properties", name], metadata: { selected } });

// Select streams by table name: {items: {method, key, deselect: [...]}}.
export async function select(db: Db, setup: Setup, tables: Record<string, { method: string; key?: string; deselect?: string[]; selected?: boolean }>) {
  const streams = await loadStreams(db, setup.sourceId);
  const request: SelectionRequest = {
    streams: Object.entries(tables).map(([table, t]) => ({
      tap_stream_id: `${setup.sourceDb}-public-${table}`,
      metadata: [
        top({ selected: t.selected ?? true, "replication-method": t.method, ...(t.key ? { "replication-key": t.key } : {}) }),
        ...(t.deselect ?? []).map((c) => field(c, false)),
      ],
    })),
  };
  const applied = applySelection(streams, request);
  if (!applied.ok) throw new Error(JSON.stringify(applied.errors));
  await saveSelection(db, setup.sourceId, applied.streams);
}

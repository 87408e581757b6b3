// Stored streams of a source: load, replace after discovery (keeping selections), save a selection.
import "server-only";
import type { Db, Tx } from "../db/factory";
import { isSelected, mergeRediscovered, type CatalogStream } from "./stream-catalog";

export type StoredStream = CatalogStream & { id: number };

type Row = { id: number; tapStreamId: string; streamName: string; schema: string; metadata: string };
type Reader = Pick<Db, "stream">;

function fromRow(row: Row): StoredStream {
  return { id: row.id, tapStreamId: row.tapStreamId, streamName: row.streamName, schema: JSON.parse(row.schema), metadata: JSON.parse(row.metadata) };
}

function columns(stream: CatalogStream) {
  return { streamName: stream.streamName, schema: JSON.stringify(stream.schema), metadata: JSON.stringify(stream.metadata), selected: isSelected(stream) };
}

// Every stream of a source (callers have checked the source belongs to the account).
export async function loadStreams(db: Reader, sourceId: number): Promise<StoredStream[]> {
  const rows = await db.stream.findMany({ where: { sourceId }, orderBy: { tapStreamId: "asc" } });
  return rows.map(fromRow);
}

const BATCH = 100;

// After a discovery, in short transactions (SQLite's single writer is never held for a whole catalog):
// upsert the streams in batches, then drop vanished ones and run `finish` (marking the check) together.
export async function writeDiscoveredStreams(db: Db, sourceId: number, discovered: CatalogStream[], finish: (tx: Tx) => Promise<unknown>): Promise<void> {
  const previous = new Map((await loadStreams(db, sourceId)).map((s) => [s.tapStreamId, s]));
  for (let i = 0; i < discovered.length; i += BATCH) {
    await db.$transaction(async (tx) => {
      for (const fresh of discovered.slice(i, i + BATCH)) {
        const merged = mergeRediscovered(fresh, previous.get(fresh.tapStreamId));
        await tx.stream.upsert({
          where: { sourceId_tapStreamId: { sourceId, tapStreamId: fresh.tapStreamId } },
          create: { sourceId, tapStreamId: fresh.tapStreamId, ...columns(merged) },
          update: columns(merged),
        });
      }
    });
  }
  await db.$transaction(async (tx) => {
    await tx.stream.deleteMany({ where: { sourceId, tapStreamId: { notIn: discovered.map((s) => s.tapStreamId) } } });
    await finish(tx);
  });
}

// Write the streams a selection changed, in one transaction (all or nothing).
export async function saveSelection(db: Db, sourceId: number, streams: CatalogStream[]): Promise<void> {
  await db.$transaction(async (tx) => {
    for (const stream of streams) {
      await tx.stream.update({ where: { sourceId_tapStreamId: { sourceId, tapStreamId: stream.tapStreamId } }, data: columns(stream) });
    }
  });
}

export async function countSelectedStreams(db: Reader, sourceId: number): Promise<number> {
  return db.stream.count({ where: { sourceId, selected: true } });
}

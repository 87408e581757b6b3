// Per-stream load state: the bookmark (with the method and key it belongs to), the last batch, the error state.
import "server-only";
import type { Db } from "../db/factory";
import type { Committed, StreamFailure, StreamPlan } from "./engine/types";

export type LoadError = { message: string; warehouseMessage: string | null; sqlState: string | null; phase: "extract" | "load" };

// Persist a committed batch; the bookmark only ever comes from a commit. True when the bookmark moved.
export async function recordCommit(db: Db, sourceId: number, stream: StreamPlan | undefined, batch: Committed): Promise<boolean> {
  const where = { sourceId, tapStreamId: batch.tapStreamId };
  const before = await db.stream.findFirst({ where, select: { bookmark: true } });
  const incremental = stream?.method === "INCREMENTAL";
  await db.stream.updateMany({
    where,
    data: {
      bookmark: incremental ? batch.bookmark ?? before?.bookmark ?? null : null,
      bookmarkMethod: stream?.method ?? null,
      bookmarkKey: incremental ? stream?.replicationKey ?? null : null,
      lastBatchLoadedAt: batch.batchLoadedAt,
      lastLoadAt: batch.batchLoadedAt,
      lastLoadRows: batch.rows,
      loadError: null,
    },
  });
  return incremental && batch.bookmark !== null && batch.bookmark !== before?.bookmark;
}

// A stream's extract or load failed: its error state is what the loads list shows.
export async function recordStreamFailure(db: Db, sourceId: number, failure: StreamFailure, now = new Date()): Promise<void> {
  const error: LoadError = { message: failure.message.slice(0, 2000), warehouseMessage: failure.warehouseMessage?.slice(0, 2000) ?? null, sqlState: failure.sqlState ?? null, phase: failure.phase };
  await db.stream.updateMany({ where: { sourceId, tapStreamId: failure.tapStreamId }, data: { loadError: JSON.stringify(error), lastLoadAt: now } });
}

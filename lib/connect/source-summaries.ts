// What the Sources page lists: each source with its state, its last check and how many tables are selected.
import "server-only";
import type { Db } from "../db/factory";
import { STALE_AFTER_MS } from "./checks";
import { findSourceType } from "./integration-types";
import { streamMetadata, type CatalogStream } from "./stream-catalog";
import type { StoredStream } from "./streams";

export type SourceState = "active" | "paused" | "deleted";

export type SourceSummary = {
  id: number;
  displayName: string;
  typeName: string;
  state: SourceState;
  lastCheck: "running" | "succeeded" | "failed" | null;
  selectedTables: number;
};

export function sourceState(row: { deletedAt: Date | null; pausedAt: Date | null }): SourceState {
  return row.deletedAt ? "deleted" : row.pausedAt ? "paused" : "active";
}

// Every source of the account, oldest first (a running check whose heartbeat stopped reads as failed, as the API says).
export async function listSourceSummaries(db: Db, accountId: number): Promise<SourceSummary[]> {
  const rows = await db.source.findMany({
    where: { accountId },
    orderBy: { id: "asc" },
    include: {
      _count: { select: { streams: { where: { selected: true } } } },
      checks: { orderBy: { id: "desc" }, take: 1, select: { status: true, heartbeatAt: true } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    displayName: row.displayName,
    typeName: findSourceType(row.type)?.display_name ?? row.type,
    state: sourceState(row),
    lastCheck: checkStatus(row.checks[0]),
    selectedTables: row._count.streams,
  }));
}

function checkStatus(check: { status: string; heartbeatAt: Date } | undefined): SourceSummary["lastCheck"] {
  if (!check) return null;
  if (check.status === "running" && Date.now() - check.heartbeatAt.getTime() > STALE_AFTER_MS) return "failed";
  return check.status as SourceSummary["lastCheck"];
}

export type FieldChoice = { name: string; sqlType: string; inclusion: "automatic" | "available" | "unsupported"; selected: boolean };
export type TableChoice = {
  tapStreamId: string;
  streamName: string;
  isView: boolean;
  rowCount: number | null;
  selected: boolean;
  replicationMethod: string | null;
  replicationKey: string | null;
  fields: FieldChoice[];
};

// A stream as the selection form shows it: the table and its columns with what may be ticked.
export function tableChoice(stream: StoredStream | CatalogStream): TableChoice {
  const top = streamMetadata(stream);
  return {
    tapStreamId: stream.tapStreamId,
    streamName: stream.streamName,
    isView: top["is-view"] === true,
    rowCount: typeof top["row-count"] === "number" ? top["row-count"] : null,
    selected: top.selected === true,
    replicationMethod: typeof top["replication-method"] === "string" ? top["replication-method"] : null,
    replicationKey: typeof top["replication-key"] === "string" ? top["replication-key"] : null,
    fields: stream.metadata
      .filter((m) => m.breadcrumb.length === 2)
      .map((m) => ({
        name: m.breadcrumb[1] as string,
        sqlType: String(m.metadata["sql-datatype"] ?? ""),
        inclusion: m.metadata.inclusion as FieldChoice["inclusion"],
        selected: m.metadata.selected === true,
      })),
  };
}

// The Connect API's wire format of jobs, extractions and loads (the original's field names; seconds-only timestamps).
import type { Extraction, Load, Page } from "../../replication/reports";
import { PAGE_SIZE } from "../../replication/reports";
import { wireTime } from "./time";

export { wireTime };

// One extraction: tap_name and source_type both carry `tap-<type>`.
export function extractionWire(e: Extraction) {
  const tap = `tap-${e.sourceType.replace(/^platform\./, "")}`;
  return {
    job_name: e.jobName,
    stitch_client_id: e.accountId,
    source_id: e.sourceId,
    source_type: tap,
    tap_name: tap,
    start_time: wireTime(e.startTime),
    completion_time: wireTime(e.completionTime),
    discovery_exit_status: e.discovery.exitStatus,
    discovery_description: e.discovery.description,
    tap_exit_status: e.tap.exitStatus,
    tap_description: e.tap.description,
    target_exit_status: e.target.exitStatus,
    target_description: e.target.description,
  };
}

// One load: error_state in the original's shape; clients read notification_data.message and warehouse_message.
export function loadWire(l: Load) {
  const error = l.error;
  return {
    stitch_client_id: l.accountId,
    source_name: l.sourceName,
    stream_name: l.streamName,
    last_batch_loaded_at: wireTime(l.lastBatchLoadedAt),
    error_state: error && {
      notification_data: {
        message: error.message,
        exception_message: error.message,
        warehouse_error_code: null,
        error: error.phase === "load" ? "LOADER_WAREHOUSE_ERROR" : "LOADER_INTERNAL_ERROR",
        status: "ERROR",
        warehouse_sql_state: error.sqlState,
        action: error.phase,
        warehouse_message: error.warehouseMessage,
        new_column: null,
        column: null,
      },
      exception_chain: [{ class: error.phase === "load" ? "LoaderWarehouseError" : "ExtractionError", message: error.message, chain_sequence_num: 0, action: error.phase }],
    },
  };
}

// {data, page, total, links}: relative links, {} while everything fits on one page.
export function pageWire<T, W>(page: Page<T>, path: string, toWire: (item: T) => W) {
  const last = Math.max(1, Math.ceil(page.total / PAGE_SIZE));
  const links: { next?: string; previous?: string } = {};
  if (page.total > PAGE_SIZE) {
    if (page.page < last) links.next = `${path}?page=${page.page + 1}`;
    if (page.page > 1) links.previous = `${path}?page=${Math.min(page.page - 1, last)}`;
  }
  return { data: page.items.map(toWire), page: page.page, total: page.total, links };
}

// The Connect API's source and connection check objects (the original's field names; seconds-only timestamps).
import type { z } from "zod";
import type { ConnectionCheck } from "../../connect/checks";
import type { Schedule } from "../../connect/source-schedule";
import type { Source } from "../../connect/sources";
import type { connectionCheckSchema, sourceSchema } from "../../validation/connect";
import { reportCardWire } from "./report-card";
import { wireTime } from "./time";

type SourceWire = z.infer<typeof sourceSchema>;

// The original's `schedule` object.
function scheduleWire(schedule: Schedule | null): SourceWire["schedule"] {
  if (!schedule) return null;
  const next_fire_time = wireTime(schedule.nextFireTime);
  if (schedule.type === "cron") return { type: "cron", cron_expression: schedule.cronExpression, next_fire_time };
  return { type: "interval", unit: "minute", interval: schedule.interval, next_fire_time };
}

// One source as GET /v4/sources/{source_id} answers it.
export function sourceWire(s: Source): SourceWire {
  return {
    id: s.id,
    display_name: s.displayName,
    name: s.name,
    type: s.type,
    properties: s.properties,
    schedule: scheduleWire(s.schedule),
    paused_at: wireTime(s.pausedAt),
    system_paused_at: wireTime(s.systemPausedAt),
    deleted_at: wireTime(s.deletedAt),
    created_at: wireTime(s.createdAt),
    updated_at: wireTime(s.updatedAt),
    stitch_client_id: s.accountId,
    destination_id: s.destinationId,
    check_job_name: s.checkJobName,
    report_card: reportCardWire(s.reportCard),
  };
}

// The original's connection check object: a check runs no tap or target, so their fields are always null; `error`
// is true when the check failed and the failing step's message is `discovery_error_message`.
export function connectionCheckWire(c: ConnectionCheck): z.infer<typeof connectionCheckSchema> {
  return {
    name: c.jobName,
    mode: "check",
    status: c.status,
    start_time: wireTime(c.startedAt),
    completion_time: wireTime(c.completedAt),
    error: c.status === "failed",
    check_exit_status: c.checkExitStatus,
    discovery_exit_status: c.discoveryExitStatus,
    discovery_error_message: c.error,
    tap_exit_status: null,
    tap_error_message: null,
    target_exit_status: null,
    target_error_message: null,
  };
}

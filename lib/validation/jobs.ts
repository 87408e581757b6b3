// Response shapes of the job endpoints (documentation; the e2e specs check answers against the original's fields).
import { z } from "zod";

const time = z.string().meta({ description: "UTC, no milliseconds: 2020-06-19T15:09:38Z" });
const exit = z.number().int().nullable().meta({ description: "0 ok, non-zero failed, null: did not finish (stopped, or terminated when its worker died)" });
const description = z.string().nullable().meta({ description: "The failing step's message; \"Stopped\" or \"Terminated\"; null when it succeeded" });

export const syncStartedSchema = z.object({ job_name: z.string().meta({ example: "116078.120643.sync.c12fb0a7-7e4a-11e9-abdc-0edc2c318fba" }) }).meta({ id: "SyncStarted" });

export const syncRefusedSchema = z
  .object({ error: z.object({ type: z.literal("already_running"), message: z.string() }) })
  .meta({ id: "SyncAlreadyRunning", description: "Answered with status 200, as the original does." });

export const extractionSchema = z
  .object({
    job_name: z.string(),
    stitch_client_id: z.number().int(),
    source_id: z.number().int(),
    source_type: z.string().meta({ example: "tap-postgres" }),
    tap_name: z.string().meta({ example: "tap-postgres" }),
    start_time: time,
    completion_time: time,
    discovery_exit_status: exit,
    discovery_description: description,
    tap_exit_status: exit,
    tap_description: description,
    target_exit_status: exit,
    target_description: description,
  })
  .meta({ id: "Extraction" });

export const loadSchema = z
  .object({
    stitch_client_id: z.number().int(),
    source_name: z.string().meta({ description: "The source's name (its destination schema)" }),
    stream_name: z.string(),
    last_batch_loaded_at: time.nullable().meta({ description: "null while the stream is in an error state" }),
    error_state: z
      .object({
        notification_data: z.object({ message: z.string(), warehouse_message: z.string().nullable(), warehouse_sql_state: z.string().nullable() }).loose(),
        exception_chain: z.array(z.object({ class: z.string(), message: z.string(), chain_sequence_num: z.number().int(), action: z.string() })),
      })
      .nullable(),
  })
  .meta({ id: "Load" });

const links = z
  .object({ next: z.string().optional(), previous: z.string().optional() })
  .meta({ description: "Relative paths; {} while everything fits on one page (100 items)" });

export const extractionsPageSchema = z.object({ data: z.array(extractionSchema), page: z.number().int(), total: z.number().int(), links }).meta({ id: "ExtractionsPage" });
export const loadsPageSchema = z.object({ data: z.array(loadSchema), page: z.number().int(), total: z.number().int(), links }).meta({ id: "LoadsPage" });

// Key rotation: every sealed secret of every source and destination re-sealed with the current key
// (values of the first format, not bound to their row, are bound on the way). Idempotent: run it again
// after a crash and it finishes the rest. Each row is its own short write; a value no configured key
// opens (or moved from another row) is left as it is and reported.
import "server-only";
import type { Db } from "../db/factory";
import { resealSecrets, type StoredProperties } from "../connect/properties";
import { hookSecretContext } from "../notifications/hook-secret";
import type { SecretBox } from "./secret-box";

type Table = "Source" | "Destination" | "NotificationHook";
export type RotationReport = { sources: number; destinations: number; hooks: number; unreadable: { table: Table; id: number }[] };

type Row = StoredProperties & { id: number };
const WITH_SECRETS = { where: { secrets: { notIn: ["", "{}"] } }, select: { id: true, properties: true, secrets: true } };

// Re-seal what is stale; returns how many rows changed and which could not be opened.
export async function rotateSealedSecrets(db: Db, box: SecretBox): Promise<RotationReport> {
  const report: RotationReport = { sources: 0, destinations: 0, hooks: 0, unreadable: [] };
  // Only if nobody changed the secrets meanwhile (else the next run picks the row up again).
  const save = {
    Source: (row: Row, secrets: string) => db.source.updateMany({ where: { id: row.id, secrets: row.secrets }, data: { secrets } }),
    Destination: (row: Row, secrets: string) => db.destination.updateMany({ where: { id: row.id, secrets: row.secrets }, data: { secrets } }),
  };
  const rows = { Source: await db.source.findMany(WITH_SECRETS), Destination: await db.destination.findMany(WITH_SECRETS) };
  for (const table of ["Source", "Destination"] as const) {
    for (const row of rows[table]) {
      let secrets: string | null;
      try {
        secrets = resealSecrets(row, box, { table, id: row.id });
      } catch {
        report.unreadable.push({ table, id: row.id });
        continue;
      }
      if (secrets === null) continue;
      const done = await save[table](row, secrets);
      if (table === "Source") report.sources += done.count;
      else report.destinations += done.count;
    }
  }
  await rotateHookSecrets(db, box, report);
  return report;
}

// Hooks' signing secrets: one sealed value per row.
async function rotateHookSecrets(db: Db, box: SecretBox, report: RotationReport): Promise<void> {
  for (const hook of await db.notificationHook.findMany({ select: { id: true, secret: true } })) {
    if (!box.isStale(hook.secret)) continue;
    try {
      const context = hookSecretContext(hook.id);
      const secret = box.seal(box.open(hook.secret, context), context);
      report.hooks += (await db.notificationHook.updateMany({ where: { id: hook.id, secret: hook.secret }, data: { secret } })).count;
    } catch {
      report.unreadable.push({ table: "NotificationHook", id: hook.id });
    }
  }
}

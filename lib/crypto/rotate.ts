// Key rotation: every sealed secret of every source and destination re-sealed with the current key
// (values of the first format, not bound to their row, are bound on the way). Idempotent: run it again
// after a crash and it finishes the rest. Each row is its own short write.
import type { Db } from "../db-client";
import { resealSecrets } from "../connect/properties";
import type { SecretBox } from "./secret-box";

export type RotationReport = { sources: number; destinations: number };

// Re-seal what is stale; returns how many rows changed.
export async function rotateSealedSecrets(db: Db, box: SecretBox): Promise<RotationReport> {
  const report: RotationReport = { sources: 0, destinations: 0 };
  for (const row of await db.source.findMany({ where: { secrets: { notIn: ["", "{}"] } }, select: { id: true, properties: true, secrets: true } })) {
    const secrets = resealSecrets(row, box, { table: "Source", id: row.id });
    if (secrets === null) continue;
    // Only if nobody changed the secrets meanwhile (else the next run picks the row up again).
    const done = await db.source.updateMany({ where: { id: row.id, secrets: row.secrets }, data: { secrets } });
    report.sources += done.count;
  }
  for (const row of await db.destination.findMany({ where: { secrets: { notIn: ["", "{}"] } }, select: { id: true, properties: true, secrets: true } })) {
    const secrets = resealSecrets(row, box, { table: "Destination", id: row.id });
    if (secrets === null) continue;
    const done = await db.destination.updateMany({ where: { id: row.id, secrets: row.secrets }, data: { secrets } });
    report.destinations += done.count;
  }
  return report;
}

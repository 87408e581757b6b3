// Serialize limit checks per account: a no-op UPDATE of the account row holds its lock until the transaction
// ends, so two concurrent creates cannot both see room for one more (PostgreSQL; SQLite writes one at a time).
import type { Db } from "../db-client";

export async function lockAccountRow(tx: Pick<Db, "workspace">, workspaceId: number): Promise<void> {
  await tx.workspace.updateMany({ where: { id: workspaceId }, data: { apiKeyCount: { increment: 0 } } });
}

// Serialize limit checks per account: a no-op UPDATE of the account row holds its lock until the transaction
// ends, so two concurrent creates cannot both see room for one more (PostgreSQL; SQLite writes one at a time).
import "server-only";
import type { Db } from "../db/factory";

export async function lockAccountRow(tx: Pick<Db, "account">, accountId: number): Promise<void> {
  await tx.account.updateMany({ where: { id: accountId }, data: { apiKeyCount: { increment: 0 } } });
}

// A destination's connection check (our addition, like the sources'): connect, and see that the user may create schemas.
import "server-only";
import pg from "pg";
import type { SecretBox } from "../crypto/secret-box";
import type { Db } from "../db/factory";
import { destinationEndpoint } from "../replication/plan";
import { describeFailure } from "./network/failure";
import { fail, ok, type Result } from "./result";

export type DestinationCheck = { status: "succeeded" | "failed"; error: string | null; checkedAt: Date };

const TIMEOUT_MS = 5_000;

// Check the account's destination now (a few seconds at most); the password never appears in the answer.
export async function checkDestination(deps: { db: Db; box: SecretBox }, accountId: number, id: number): Promise<Result<DestinationCheck>> {
  const row = await deps.db.destination.findFirst({ where: { id, accountId } });
  if (!row) return fail("NotFound", "The destination was not found.");
  const checkedAt = new Date();
  const resolved = await destinationEndpoint(row, deps.box);
  if (!resolved.ok) return ok({ status: "failed", error: resolved.message, checkedAt });
  const endpoint = resolved.value;
  const client = new pg.Client({ ...endpoint, connectionTimeoutMillis: TIMEOUT_MS, statement_timeout: TIMEOUT_MS, query_timeout: TIMEOUT_MS });
  client.on("error", () => {});
  try {
    await client.connect();
    const { rows } = await client.query("SELECT has_database_privilege(current_user, current_database(), 'CREATE') AS can_create");
    if (!rows[0]?.can_create) return ok({ status: "failed", error: `User ${endpoint.user} may not create schemas in database ${endpoint.database} (GRANT CREATE ON DATABASE).`, checkedAt });
    return ok({ status: "succeeded", error: null, checkedAt });
  } catch (error) {
    return ok({ status: "failed", error: describeFailure(error, { user: endpoint.user, database: endpoint.database }), checkedAt });
  } finally {
    await client.end().catch(() => {});
  }
}

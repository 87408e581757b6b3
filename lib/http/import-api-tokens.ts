// Import API tokens (GET/POST /v4/sources/{id}/tokens, DELETE …/tokens/{token_id}) belong to the original's
// Import API sources, which Bobbin does not have: a documented 400 for a source of the account, 404 otherwise.
import "server-only";
import { ApiProblem } from "./errors";
import type { ApiContext } from "./handler";

export const IMPORT_API_TYPE = "platform.import_api";

// Always throws: the NotFound or ImportApiNotSupported answer for this source.
export async function refuseImportApiTokens(context: ApiContext, sourceId: number): Promise<never> {
  const source = await context.db.source.findFirst({ where: { id: sourceId, accountId: context.key.accountId }, select: { type: true } });
  if (!source) throw new ApiProblem(404, "NotFound", "The source was not found.");
  throw new ApiProblem(
    400,
    "ImportApiNotSupported",
    `Import API tokens exist only for Import API sources (${IMPORT_API_TYPE}); Bobbin has no Import API sources and this source is of type ${source.type}.`,
  );
}

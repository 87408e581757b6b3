// Import API tokens of a source: answered with the documented ImportApiNotSupported error (no Import API sources).
import { keyRoute, otherVerbs } from "@/lib/http/handler";
import { refuseImportApiTokens } from "@/lib/http/import-api-tokens";

const refuse = keyRoute(async (_request, ctx) => refuseImportApiTokens(ctx, false));

export { refuse as GET, refuse as POST };
export const { PUT, PATCH, DELETE } = otherVerbs("GET", "POST");

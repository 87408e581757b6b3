// Revoke an Import API token: answered with the documented ImportApiNotSupported error (no Import API sources).
import { keyRoute, otherVerbs } from "@/lib/http/handler";
import { refuseImportApiTokens } from "@/lib/http/import-api-tokens";

export const DELETE = keyRoute(async (_request, ctx) => refuseImportApiTokens(ctx, true));

export const { GET, POST, PUT, PATCH } = otherVerbs("DELETE");

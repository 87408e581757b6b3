// The OpenAPI 3.1 document (public: it describes the API, it grants nothing).
import { jsonResponse } from "@/lib/http/errors";
import { openRoute, otherVerbs } from "@/lib/http/handler";
import { openApiDocument } from "@/lib/http/openapi";
import { openApi } from "@/lib/http/routes";

export const GET = openRoute(openApi, () => jsonResponse(openApiDocument(), 200, { "Cache-Control": "public, max-age=300" }));

export const { POST, PUT, PATCH, DELETE } = otherVerbs("GET");

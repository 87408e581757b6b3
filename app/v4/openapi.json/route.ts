// The OpenAPI 3.1 document (public: it describes the API, it grants nothing).
import { jsonResponse } from "@/lib/http/errors";
import { openApiDocument } from "@/lib/http/openapi";

export const dynamic = "force-static";

export function GET() {
  return jsonResponse(openApiDocument(), 200, { "Cache-Control": "public, max-age=300" });
}

// The catalogue of source types, each with its properties and setup steps.
import { sourceTypeView } from "@/lib/connect/source-type-view";
import { SOURCE_TYPES } from "@/lib/connect/integration-types";
import { jsonResponse } from "@/lib/http/errors";
import { keyRoute, otherVerbs } from "@/lib/http/handler";

export const GET = keyRoute(async () => jsonResponse(SOURCE_TYPES.map(sourceTypeView)));

export const { POST, PUT, PATCH, DELETE } = otherVerbs("GET");

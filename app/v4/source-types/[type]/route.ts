// One source type by its name (e.g. platform.postgres).
import { sourceTypeView } from "@/lib/connect/source-type-view";
import { findSourceType } from "@/lib/connect/integration-types";
import { jsonResponse, notFound } from "@/lib/http/errors";
import { keyRoute, otherVerbs } from "@/lib/http/handler";

export const GET = keyRoute(async (_request, { params }) => {
  const type = findSourceType(String(params.type));
  return type ? jsonResponse(sourceTypeView(type)) : notFound("The source type");
});

export const { POST, PUT, PATCH, DELETE } = otherVerbs("GET");

// One source type by its name (e.g. platform.postgres).
import { findSourceType } from "@/lib/connect/integration-types";
import { sourceTypeView } from "@/lib/connect/source-type-view";
import { otherVerbs, route } from "@/lib/http/handler";
import { getSourceType } from "@/lib/http/routes";
import { ok } from "@/lib/result";

export const GET = route(getSourceType, async ({ params }) => {
  const type = findSourceType(params.type);
  return type ? ok(sourceTypeView(type)) : null;
});

export const { POST, PUT, PATCH, DELETE } = otherVerbs("GET");

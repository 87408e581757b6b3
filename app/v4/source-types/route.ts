// The catalogue of source types, each with its properties and setup steps.
import { SOURCE_TYPES } from "@/lib/connect/integration-types";
import { sourceTypeView } from "@/lib/connect/source-type-view";
import { otherVerbs, route } from "@/lib/http/handler";
import { listSourceTypes } from "@/lib/http/routes";
import { ok } from "@/lib/result";

export const GET = route(listSourceTypes, async () => ok(SOURCE_TYPES.map(sourceTypeView)));

export const { POST, PUT, PATCH, DELETE } = otherVerbs("GET");

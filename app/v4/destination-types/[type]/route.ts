// One destination type by its name (e.g. postgres).
import { destinationTypeView, findDestinationTypeSpec } from "@/lib/connect/destination-types";
import { jsonResponse, notFound } from "@/lib/http/errors";
import { keyRoute, otherVerbs } from "@/lib/http/handler";

export const GET = keyRoute(async (_request, { params }) => {
  const type = findDestinationTypeSpec(String(params.type));
  return type ? jsonResponse(destinationTypeView(type)) : notFound("The destination type");
});

export const { POST, PUT, PATCH, DELETE } = otherVerbs("GET");

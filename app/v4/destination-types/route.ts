// The catalogue of destination types, each as a report card with its form properties and details.
import { DESTINATION_TYPE_SPECS, destinationTypeView } from "@/lib/connect/destination-types";
import { jsonResponse } from "@/lib/http/errors";
import { keyRoute, otherVerbs } from "@/lib/http/handler";

export const GET = keyRoute(async () => jsonResponse(DESTINATION_TYPE_SPECS.map(destinationTypeView)));

export const { POST, PUT, PATCH, DELETE } = otherVerbs("GET");

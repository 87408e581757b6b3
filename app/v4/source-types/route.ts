// The catalogue of source types, each with its properties and setup steps.
import { sourceTypesEndpoints } from "@/lib/http/endpoints/destinations";

export const { GET, POST, PUT, PATCH, DELETE } = sourceTypesEndpoints;

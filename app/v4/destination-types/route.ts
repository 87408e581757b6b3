// The catalogue of destination types, each as a report card with its form properties and details.
import { destinationTypesEndpoints } from "@/lib/http/endpoints/destinations";

export const { GET, POST, PUT, PATCH, DELETE } = destinationTypesEndpoints;

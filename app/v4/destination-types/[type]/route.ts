// One destination type by its name (e.g. postgres).
import { destinationTypeEndpoints } from "@/lib/http/endpoints/destinations";

export const { GET, POST, PUT, PATCH, DELETE } = destinationTypeEndpoints;

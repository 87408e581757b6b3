// One destination: GET, PUT (its type cannot change), DELETE (answers {}).
import { destinationEndpoints } from "@/lib/http/endpoints/destinations";

export const { GET, POST, PUT, PATCH, DELETE } = destinationEndpoints;

// Check the destination's connection now (our addition): {"status": "succeeded"|"failed", "error", "checked_at"}.
import { destinationCheckEndpoints } from "@/lib/http/endpoints/destinations";

export const { GET, POST, PUT, PATCH, DELETE } = destinationCheckEndpoints;

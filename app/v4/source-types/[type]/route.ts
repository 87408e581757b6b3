// One source type by its name (e.g. platform.postgres).
import { sourceTypeEndpoints } from "@/lib/http/endpoints/destinations";

export const { GET, POST, PUT, PATCH, DELETE } = sourceTypeEndpoints;

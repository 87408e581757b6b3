// One source: GET (also paused or deleted), PUT (name, properties, pause), DELETE (soft).
import { sourceEndpoints } from "@/lib/http/endpoints/sources";

export const { GET, POST, PUT, PATCH, DELETE } = sourceEndpoints;

// GET: every destination of the key's account. POST: create one.
import { destinationsEndpoints } from "@/lib/http/endpoints/destinations";

export const { GET, POST, PUT, PATCH, DELETE } = destinationsEndpoints;

// GET: every source of the key's account. POST: create one (its check and discovery start at once).
import { sourcesEndpoints } from "@/lib/http/endpoints/sources";

export const { GET, POST, PUT, PATCH, DELETE } = sourcesEndpoints;

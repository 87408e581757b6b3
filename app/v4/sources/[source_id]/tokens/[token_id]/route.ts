// Revoke an Import API token: answered with the documented ImportApiNotSupported error (no Import API sources).
import { tokenEndpoints } from "@/lib/http/endpoints/sources";

export const { GET, POST, PUT, PATCH, DELETE } = tokenEndpoints;

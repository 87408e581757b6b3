// Import API tokens of a source: answered with the documented ImportApiNotSupported error (no Import API sources).
import { tokensEndpoints } from "@/lib/http/endpoints/sources";

export const { GET, POST, PUT, PATCH, DELETE } = tokensEndpoints;

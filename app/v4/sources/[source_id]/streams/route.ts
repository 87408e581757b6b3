// The discovered streams (tables and views) of a source, with their stream-level metadata.
import { streamsEndpoints } from "@/lib/http/endpoints/sources";

export const { GET, POST, PUT, PATCH, DELETE } = streamsEndpoints;

// Select streams and fields (all or nothing); returns {"status": 200}.
import { streamMetadataEndpoints } from "@/lib/http/endpoints/sources";

export const { GET, POST, PUT, PATCH, DELETE } = streamMetadataEndpoints;

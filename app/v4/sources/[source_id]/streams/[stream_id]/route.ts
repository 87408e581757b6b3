// One stream: its JSON Schema (as a string) and its breadcrumb metadata.
import { streamEndpoints } from "@/lib/http/endpoints/sources";

export const { GET, POST, PUT, PATCH, DELETE } = streamEndpoints;

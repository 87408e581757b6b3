// The latest load attempt per stream (60 days), 100 a page: {data, page, total, links}.
import { loadsEndpoints } from "@/lib/http/endpoints/jobs";

export const { GET, POST, PUT, PATCH, DELETE } = loadsEndpoints;

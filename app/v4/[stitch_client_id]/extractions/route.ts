// The last completed extraction per source (60 days), 100 a page: {data, page, total, links}.
import { extractionsEndpoints } from "@/lib/http/endpoints/jobs";

export const { GET, POST, PUT, PATCH, DELETE } = extractionsEndpoints;

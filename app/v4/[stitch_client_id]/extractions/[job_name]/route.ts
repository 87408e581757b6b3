// A job's log: 302 to a short-lived signed URL serving it as text/plain (the original's pre-signed S3 URL).
import { extractionLogEndpoints } from "@/lib/http/endpoints/jobs";

export const { GET, POST, PUT, PATCH, DELETE } = extractionLogEndpoints;

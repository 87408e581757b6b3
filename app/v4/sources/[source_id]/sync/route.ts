// POST: start a replication job of the source (no body) → {"job_name"}. DELETE: stop its job → {"status": 200}.
import { syncEndpoints } from "@/lib/http/endpoints/sync";

export const { GET, POST, PUT, PATCH, DELETE } = syncEndpoints;

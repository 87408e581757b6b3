// The key's account's audit trail, newest first, 100 events per page (`?page=N`).
import { auditEventsEndpoints } from "@/lib/http/endpoints/account";

export const { GET, POST, PUT, PATCH, DELETE } = auditEventsEndpoints;

// PUT {disabled_at: "<time>"|null}: disable or re-enable a custom email. DELETE: remove it (answers [1]).
import { customEmailEndpoints } from "@/lib/http/endpoints/notifications";

export const { GET, POST, PUT, PATCH, DELETE } = customEmailEndpoints;

// PUT {enable: true|false}: enable or disable a hook. DELETE: remove it (answers null).
import { hookEndpoints } from "@/lib/http/endpoints/notifications";

export const { GET, POST, PUT, PATCH, DELETE } = hookEndpoints;

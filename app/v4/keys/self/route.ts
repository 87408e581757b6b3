// The key the request is made with, as it may see itself: last 4, description, account, access, expiry, allow-list.
import { keySelfEndpoints } from "@/lib/http/endpoints/account";

export const { GET, POST, PUT, PATCH, DELETE } = keySelfEndpoints;

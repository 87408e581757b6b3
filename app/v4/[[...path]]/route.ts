// Any other /v4 path (and /v4 itself): 404 in the one error shape (after authentication, so paths cannot be probed without a key).
import { unknownPathHandlers } from "@/lib/http/unknown-path";

export const { GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS } = unknownPathHandlers();

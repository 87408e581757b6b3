// Any other /v4 path: 404 in the one error shape (after authentication, so paths cannot be probed without a key).
import { notFound } from "@/lib/http/errors";
import { keyRoute } from "@/lib/http/handler";

const unknownPath = keyRoute(async () => notFound("This API path"));

export { unknownPath as GET, unknownPath as POST, unknownPath as PUT, unknownPath as PATCH, unknownPath as DELETE };

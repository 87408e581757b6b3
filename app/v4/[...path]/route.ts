// Any other /v4 path: 404 in the one error shape (after authentication, so paths cannot be probed without a key).
import { unknownRoute } from "@/lib/http/handler";

const unknownPath = unknownRoute();

export { unknownPath as GET, unknownPath as POST, unknownPath as PUT, unknownPath as PATCH, unknownPath as DELETE };

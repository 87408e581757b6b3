// Any other /notifications path: 404 in the one error shape (after authentication), never an HTML page.
import { unknownPathHandlers } from "@/lib/http/unknown-path";

export const { GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS } = unknownPathHandlers();

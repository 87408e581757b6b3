// Handlers for every path no route claims under /v4 and /notifications: the one error shape, never Next's
// HTML page. Authentication first, so that paths cannot be probed without a key.
import { notFound } from "./errors";
import { keyRoute } from "./handler";

// Every verb Next lets a route handler answer, all with the JSON 404 (401 without a valid key).
export function unknownPathHandlers() {
  const answer = keyRoute(async () => notFound("This API path"));
  return { GET: answer, POST: answer, PUT: answer, PATCH: answer, DELETE: answer, HEAD: answer, OPTIONS: answer };
}

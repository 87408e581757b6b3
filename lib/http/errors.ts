// The API's one error shape: {"error": {"type", "message", "fields"?}}, keeping the original's type words.
export type ErrorType =
  | "Unauthorized"
  | "Forbidden"
  | "NotFound"
  | "InvalidId"
  | "InvalidBody"
  | "InvalidQuery"
  | "InvalidProperties"
  | "UnsupportedMediaType"
  | "PayloadTooLarge"
  | "MethodNotAllowed"
  | "RateLimited"
  | "Conflict"
  | "ImportApiNotSupported"
  | "InternalError"
  | "already_running"
  | "invalid_source";

export type FieldErrors = Record<string, string>;

export type ApiErrorBody = { error: { type: ErrorType; message: string; fields?: FieldErrors } };

// Headers every API response carries: nothing is cached, nothing is sniffed or framed.
export const API_HEADERS: Record<string, string> = {
  "Cache-Control": "no-store",
  "X-Content-Type-Options": "nosniff",
  "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
  "Referrer-Policy": "no-referrer",
};

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { ...API_HEADERS, ...headers } });
}

export function errorResponse(
  status: number,
  type: ErrorType,
  message: string,
  options: { fields?: FieldErrors; headers?: Record<string, string> } = {},
): Response {
  const error: ApiErrorBody["error"] = { type, message };
  if (options.fields && Object.keys(options.fields).length) error.fields = options.fields;
  return jsonResponse({ error }, status, options.headers);
}

// The single 401 answer: it never says why (missing, malformed, unknown, disabled, deleted ...).
export function unauthorized(): Response {
  return errorResponse(401, "Unauthorized", "A valid API key is required: send it as \"Authorization: Bearer <key>\".", {
    headers: { "WWW-Authenticate": 'Bearer realm="bobbin"' },
  });
}

export function notFound(what = "The resource"): Response {
  return errorResponse(404, "NotFound", `${what} was not found.`);
}

export function tooManyRequests(retryAfterSeconds: number, message: string): Response {
  return errorResponse(429, "RateLimited", message, { headers: { "Retry-After": String(retryAfterSeconds) } });
}

// A failure the domain expected (validation, a rule): carried to the handler as a value.
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly type: ErrorType,
    message: string,
    readonly fields?: FieldErrors,
  ) {
    super(message);
  }

  toResponse(): Response {
    return errorResponse(this.status, this.type, this.message, { fields: this.fields });
  }
}

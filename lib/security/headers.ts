// Security headers of the console's pages: a nonce-based Content-Security-Policy and the usual hardening.
// The Connect API (/v4) and its reference page (/docs/api) set their own headers.

// Paths whose responses are not console pages, so the page CSP does not apply.
export const CSP_EXEMPT_PREFIXES = ["/v4/", "/notifications/", "/docs/api"] as const;

export function isCspExempt(pathname: string): boolean {
  return pathname === "/v4" || pathname === "/notifications" || CSP_EXEMPT_PREFIXES.some((prefix) => pathname.startsWith(prefix));
}

// The page policy. Scripts run only with this response's nonce ('strict-dynamic' lets Next's own
// chunks load theirs); no 'unsafe-eval' outside development (React uses eval for dev error stacks only).
// Styles allow inline because Radix positions menus with style attributes, which nonces cannot cover.
export function contentSecurityPolicy(nonce: string, dev = process.env.NODE_ENV === "development"): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

// Headers every console response carries, whatever its type.
export const HARDENING_HEADERS: Record<string, string> = {
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
};

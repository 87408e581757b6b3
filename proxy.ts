// Runs before every console request: a fresh CSP nonce per page, and the hardening headers.
import { NextResponse, type NextRequest } from "next/server";
import { REQUESTED_PAGE_HEADER } from "@/lib/console-paths";
import { contentSecurityPolicy, HARDENING_HEADERS, isCspExempt } from "@/lib/security/headers";
import { strictTransportSecurity } from "@/lib/security/public-url";

export function proxy(request: NextRequest) {
  if (isCspExempt(request.nextUrl.pathname)) return NextResponse.next();
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const policy = contentSecurityPolicy(nonce);
  // Next reads the nonce from the request's CSP header and puts it on its own scripts.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", policy);
  // Layouts are not told their URL: a sign-in from one must come back to the page asked for (never a client's own value).
  requestHeaders.set(REQUESTED_PAGE_HEADER, requestedPage(request.nextUrl));
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  for (const [name, value] of Object.entries(HARDENING_HEADERS)) response.headers.set(name, value);
  const hsts = strictTransportSecurity();
  if (hsts) response.headers.set("Strict-Transport-Security", hsts);
  return response;
}

// The page's path and query, without the parameter Next adds to its own navigation requests.
function requestedPage(url: URL): string {
  const query = new URLSearchParams(url.search);
  query.delete("_rsc");
  const search = query.toString();
  return `${url.pathname}${search ? `?${search}` : ""}`;
}

export const config = {
  // Not static assets (they carry no script), nor the APIs (/v4, /notifications) and the reference, which set their own headers:
  // the API's hot path then pays nothing for the proxy.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|v4/|v4$|notifications/|notifications$|docs/api).*)"],
};

// The interactive API reference (Scalar), reading /v4/openapi.json; its bundle is served from our own node_modules.
import { ApiReference } from "@scalar/nextjs-api-reference";

const render = ApiReference({ url: "/v4/openapi.json", pageTitle: "Bobbin Connect API reference", cdn: "/docs/api/standalone.js", withDefaultFonts: false });

// Scalar's page boots from an inline script, so scripts allow 'unsafe-inline' here — and only from this origin;
// the page holds no user data, cannot be framed and talks to this origin only.
const POLICY = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

export function GET() {
  const response = render();
  response.headers.set("Content-Security-Policy", POLICY);
  response.headers.set("X-Content-Type-Options", "nosniff");
  response.headers.set("Referrer-Policy", "no-referrer");
  return response;
}

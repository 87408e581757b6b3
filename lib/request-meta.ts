// Client address and user agent of a request, for the audit trail.
// `next start` fills X-Forwarded-For from the socket when the request has none; behind a proxy set
// TRUST_PROXY=1 so that the first hop (the client, as the proxy saw it) is used.
import type { RequestMeta } from "./audit/events";

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function header(source: HeaderSource, name: string): string | null {
  if (source instanceof Headers) return source.get(name);
  const value = source[name];
  return Array.isArray(value) ? value[0] ?? null : value ?? null;
}

export function requestMetaFrom(source: HeaderSource): RequestMeta {
  const hops = (header(source, "x-forwarded-for") ?? "").split(",").map((h) => h.trim()).filter(Boolean);
  const ip = process.env.TRUST_PROXY === "1" ? hops[0] : hops[hops.length - 1];
  return { ip: ip ?? null, userAgent: header(source, "user-agent") };
}

// Client address and user agent of a request, for the audit trail and the failed-authentication limit.
// Each reverse proxy appends the address it saw to X-Forwarded-For, so with N proxies in front the
// client is the N-th hop from the end; hops before it are whatever the client sent, and never trusted.
// `next start` fills the header from the socket only when the request has none (so with no proxy in
// front a client can pick its own address: run it behind one). TRUSTED_PROXIES = N, default 1.
import type { RequestMeta } from "./audit/events";

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function header(source: HeaderSource, name: string): string | null {
  if (source instanceof Headers) return source.get(name);
  const value = source[name];
  return Array.isArray(value) ? value[0] ?? null : value ?? null;
}

export function trustedProxies(value = process.env.TRUSTED_PROXIES): number {
  const n = Number(value ?? "1");
  return Number.isInteger(n) && n >= 1 && n <= 10 ? n : 1;
}

export function requestMetaFrom(source: HeaderSource, proxies = trustedProxies()): RequestMeta {
  const hops = (header(source, "x-forwarded-for") ?? "").split(",").map((h) => h.trim()).filter(Boolean);
  const ip = hops.length ? hops[Math.max(0, hops.length - proxies)] : null;
  return { ip, userAgent: header(source, "user-agent") };
}

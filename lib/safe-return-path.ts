// Only same-site paths are followed after sign-in (no open redirects). A path is accepted when it is
// one absolute path of this site both as written and once normalized: "/.//evil.com", "/a/..//evil.com",
// "/\evil.com", control characters (browsers drop tabs and newlines) and anything with a scheme fall back.
const BASE = "http://local.invalid";
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f\\]/;

// Whether a normalized path would be read by a browser as another host ("//host", "/\host").
function leavesSite(path: string): boolean {
  return /^\/[/\\]/.test(path);
}

export function safeReturnPath(value: string | undefined | null, fallback = "/settings/account"): string {
  if (!value || value.length > 2048 || UNSAFE_CHARACTERS.test(value)) return fallback;
  if (!value.startsWith("/") || leavesSite(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  const path = url.pathname + url.search + url.hash;
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return fallback;
  }
  if (leavesSite(path) || leavesSite(decoded) || UNSAFE_CHARACTERS.test(decoded)) return fallback;
  return path;
}

// next-auth's redirect callback: a URL of this site (absolute or relative) made safe, else the site's root.
export function safeRedirect(url: string, baseUrl: string): string {
  const base = baseUrl.replace(/\/$/, "");
  const relative = url.startsWith(`${base}/`) ? url.slice(base.length) : url;
  return `${base}${safeReturnPath(relative, "/")}`;
}

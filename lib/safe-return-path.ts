// Only same-site paths are followed after sign-in (no open redirects).
export function safeReturnPath(value: string | undefined | null, fallback = "/settings/account"): string {
  if (!value) return fallback;
  try {
    const url = new URL(value, "http://local.invalid");
    if (url.origin !== "http://local.invalid") return fallback;
    return url.pathname + url.search;
  } catch {
    return fallback;
  }
}

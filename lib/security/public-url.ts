// The site's public address comes from the operator (NEXTAUTH_URL), never from a request's Host header,
// which a client chooses: links we hand out (invitations) and HSTS are built from it alone.

// The public origin ("https://bobbin.example.com"), or null when NEXTAUTH_URL is unset or not an http(s) URL.
export function publicOrigin(env: NodeJS.ProcessEnv = process.env): string | null {
  const value = env.NEXTAUTH_URL;
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:" ? url.origin : null;
  } catch {
    return null;
  }
}

// The Strict-Transport-Security value when the public URL is https (two years, subdomains included), else null.
export function strictTransportSecurity(env: NodeJS.ProcessEnv = process.env): string | null {
  return publicOrigin(env)?.startsWith("https://") ? "max-age=63072000; includeSubDomains" : null;
}

// An absolute link for a path of this site, or the bare path when the public URL is unknown
// (the inviter's browser then shows it under the address it is on).
export function publicLink(path: string, env: NodeJS.ProcessEnv = process.env): { href: string; absolute: boolean } {
  const origin = publicOrigin(env);
  return origin ? { href: `${origin}${path}`, absolute: true } : { href: path, absolute: false };
}

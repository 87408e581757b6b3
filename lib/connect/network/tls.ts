// TLS to sources and destinations: `ssl` = "false" (none), "true" (encrypted, like libpq's sslmode=require)
// or "verify-full" (the certificate must chain to `sslrootcert`, or the system's CAs, and name the host).
import tls, { type PeerCertificate } from "node:tls";
import net from "node:net";

export const SSL_MODES = ["false", "true", "verify-full"] as const;
export type SslMode = (typeof SSL_MODES)[number];

export type TlsOptions = false | { rejectUnauthorized: boolean; ca?: string; servername?: string; checkServerIdentity?: (host: string, cert: PeerCertificate) => Error | undefined };

// The driver's `ssl` option for a mode; `host` is what the user typed (the name the certificate must carry).
export function tlsOptions(mode: string | undefined, host: string, ca?: string): TlsOptions {
  if (!mode || mode === "false") return false;
  const bare = host.replace(/^\[(.*)\]$/, "$1");
  // We dial the resolved address, so the name to verify (and to send as SNI) is the typed host.
  const servername = net.isIP(bare) ? undefined : bare.replace(/\.$/, "");
  if (mode !== "verify-full") return { rejectUnauthorized: false, ...(servername ? { servername } : {}) };
  return {
    rejectUnauthorized: true,
    ...(ca ? { ca } : {}),
    ...(servername ? { servername } : {}),
    checkServerIdentity: (_ignored, cert) => tls.checkServerIdentity(bare, cert),
  };
}

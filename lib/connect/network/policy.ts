// Where connections to sources and destinations may go, from the environment:
// ALLOW_PRIVATE_HOSTS=1 allows loopback and private ranges (default: on, except with NODE_ENV=production);
// ALLOWED_HOST_CIDRS allows the listed ranges even when private hosts are off. Link-local, metadata
// addresses and Unix sockets are never allowed, nor the app's own database.
import type net from "node:net";
import { parseCidrs } from "./addresses";

export type ProtectedDatabase = { host: string; port: number; database: string };

export type ConnectPolicy = {
  allowPrivate: boolean;
  allowedCidrs: net.BlockList;
  // The app's own database (PostgreSQL): never a source or a destination.
  protectedDatabases: ProtectedDatabase[];
};

// Whether a setting says yes ("1", "true", "yes") or no ("0", "false", "no"); undefined when unset.
function flag(value: string | undefined): boolean | undefined {
  if (value === undefined || value === "") return undefined;
  if (/^(1|true|yes|on)$/i.test(value)) return true;
  if (/^(0|false|no|off)$/i.test(value)) return false;
  throw new Error(`ALLOW_PRIVATE_HOSTS must be 1 or 0, not "${value}".`);
}

// The app's own PostgreSQL database from DATABASE_URL, when it is one.
export function protectedFromUrl(url: string | undefined): ProtectedDatabase[] {
  if (!url || !/^postgres(ql)?:\/\//.test(url)) return [];
  try {
    const u = new URL(url);
    return [{ host: u.hostname.replace(/^\[|\]$/g, "") || "localhost", port: Number(u.port || 5432), database: decodeURIComponent(u.pathname.slice(1)) }];
  } catch {
    return [];
  }
}

// The policy the environment asks for.
export function connectPolicyFromEnv(env: NodeJS.ProcessEnv = process.env): ConnectPolicy {
  return {
    allowPrivate: flag(env.ALLOW_PRIVATE_HOSTS) ?? env.NODE_ENV !== "production",
    allowedCidrs: parseCidrs(env.ALLOWED_HOST_CIDRS),
    protectedDatabases: protectedFromUrl(env.DATABASE_URL),
  };
}

// Resolve a source's or destination's host once, judge every address it has, and hand back the one to
// connect to: the driver then dials that address, so a second DNS answer cannot move the connection.
import { lookup as dnsLookup } from "node:dns/promises";
import net from "node:net";
import { classifyAddress, inCidrs } from "./addresses";
import type { ConnectPolicy } from "./policy";

export type ConnectTarget = { address: string; port: number; servername: string | null };
export type TargetResult = { ok: true; value: ConnectTarget } | { ok: false; message: string };
export type Lookup = (host: string) => Promise<string[]>;

const LOOKUP_TIMEOUT_MS = 5_000;
const HOSTNAME = /^(?=.{1,253}$)([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)(\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)*\.?$/i;

const systemLookup: Lookup = async (host) => (await dnsLookup(host, { all: true, verbatim: true })).map((a) => a.address);

// Whether a host is written as a host name or an IP address (never a socket path, a URL or a list).
export function isPlausibleHost(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, "$1");
  return net.isIP(bare) !== 0 || HOSTNAME.test(host);
}

function refused(message: string): TargetResult {
  return { ok: false, message: `could not connect: ${message}` };
}

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error("timed out"), { code: "ETIMEDOUT" })), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

// Whether the policy lets a connection reach this address.
export function addressAllowed(address: string, policy: ConnectPolicy): boolean {
  const kind = classifyAddress(address);
  if (kind === "forbidden") return false;
  if (kind === "public") return true;
  return policy.allowPrivate || inCidrs(policy.allowedCidrs, address);
}

// The address to connect to for host:port under the policy, or why not (a message naming no address of ours).
export async function resolveConnectTarget(host: string, port: number, policy: ConnectPolicy, lookup: Lookup = systemLookup): Promise<TargetResult> {
  if (!isPlausibleHost(host)) return refused("the host must be a host name or an IP address (not a socket path).");
  if (!Number.isInteger(port) || port < 1 || port > 65535) return refused("the port must be 1–65535.");
  const bare = host.replace(/^\[(.*)\]$/, "$1");
  let addresses: string[];
  if (net.isIP(bare)) addresses = [bare];
  else {
    try {
      addresses = await withTimeout(lookup(bare), LOOKUP_TIMEOUT_MS);
    } catch (error) {
      const code = (error as { code?: string }).code;
      return code === "ETIMEDOUT" ? { ok: false, message: "timed out: the host name could not be resolved in time." } : refused("the host name could not be resolved.");
    }
  }
  if (addresses.length === 0) return refused("the host name could not be resolved.");
  // Every address must pass: a name that also points somewhere forbidden is refused as a whole.
  if (addresses.some((a) => classifyAddress(a) === "forbidden")) return refused("the host is a link-local, metadata or otherwise reserved address.");
  if (!addresses.every((a) => addressAllowed(a, policy))) {
    return refused("the host is a loopback or private address, which this server does not allow (see ALLOW_PRIVATE_HOSTS).");
  }
  return { ok: true, value: { address: addresses[0], port, servername: net.isIP(bare) ? null : bare.replace(/\.$/, "") } };
}

// Whether a target is the app's own database (refused whatever the policy).
export async function isProtectedDatabase(target: ConnectTarget, database: string, policy: ConnectPolicy, lookup: Lookup = systemLookup): Promise<boolean> {
  for (const own of policy.protectedDatabases) {
    if (own.port !== target.port || own.database !== database) continue;
    const ownAddresses = net.isIP(own.host) ? [own.host] : await withTimeout(lookup(own.host), LOOKUP_TIMEOUT_MS).catch(() => [] as string[]);
    const loopback = (a: string) => classifyAddress(a) === "private" && /^(127\.|::1$|::ffff:127\.)/.test(a);
    if (ownAddresses.some((a) => a === target.address || (loopback(a) && loopback(target.address)))) return true;
  }
  return false;
}

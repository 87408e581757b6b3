// Where hooks may be sent: http(s) URLs of public hosts only. Link-local (cloud metadata), unspecified and
// multicast addresses are never allowed, as for source connections (lib/connect/network); loopback, private,
// shared and reserved addresses are refused unless the operator sets ALLOW_PRIVATE_HOSTS=1.
// The same rule is applied twice: to the URL when a hook is saved, and to every address a host name
// resolves to when a delivery connects (so a name cannot be pointed at an internal address later).
import { BlockList, isIP } from "node:net";
import { classifyAddress } from "../connect/network/addresses";

export const MAX_HOOK_URL_LENGTH = 2048;

const blocked = new BlockList();
for (const [net, bits] of [
  ["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["127.0.0.0", 8], ["169.254.0.0", 16], ["172.16.0.0", 12],
  ["192.0.0.0", 24], ["192.0.2.0", 24], ["192.168.0.0", 16], ["198.18.0.0", 15], ["198.51.100.0", 24], ["203.0.113.0", 24],
  ["224.0.0.0", 4], ["240.0.0.0", 4],
] as const) blocked.addSubnet(net, bits, "ipv4");
for (const [net, bits] of [["::", 128], ["::1", 128], ["fc00::", 7], ["fe80::", 10], ["ff00::", 8], ["2001:db8::", 32], ["64:ff9b::", 96]] as const) {
  blocked.addSubnet(net, bits, "ipv6");
}

// The environment the rules read (ALLOW_PRIVATE_HOSTS).
export type HostEnv = Readonly<Record<string, string | undefined>>;

const INTERNAL_NAMES = /(^|\.)(localhost|local|internal|localdomain|home\.arpa)\.?$/i;

// Whether the operator allows internal addresses (development, tests, a hook receiver on the same network).
export function privateHostsAllowed(env: HostEnv = process.env): boolean {
  return env.ALLOW_PRIVATE_HOSTS === "1";
}

// Whether an IP address (v4 or v6, IPv4-mapped included) is one a hook may connect to.
export function isPublicAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, "");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare)?.[1];
  if (mapped) return isPublicAddress(mapped);
  const family = isIP(bare);
  if (family === 0) return false;
  return !blocked.check(bare, family === 4 ? "ipv4" : "ipv6");
}

const NEVER = "The URL points to a link-local, metadata or multicast address, which is never allowed.";

// Whether a delivery may connect to this resolved address under the environment's rules.
export function deliverableAddress(address: string, env: HostEnv = process.env): boolean {
  if (classifyAddress(address.replace(/^\[|\]$/g, "")) === "forbidden") return false;
  return privateHostsAllowed(env) || isPublicAddress(address);
}

// Why a hook URL is refused, or null when it may be saved.
export function hookUrlProblem(raw: string, env: HostEnv = process.env): string | null {
  if (raw.length > MAX_HOOK_URL_LENGTH) return `The URL is longer than ${MAX_HOOK_URL_LENGTH} characters.`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "Not a valid URL.";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "Use an http:// or https:// URL.";
  if (url.username || url.password) return "The URL must not contain a user name or password.";
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(host) && classifyAddress(host) === "forbidden") return NEVER;
  if (privateHostsAllowed(env)) return null;
  if (isIP(host)) return isPublicAddress(host) ? null : "The URL points to an internal address (loopback, private or link-local).";
  if (INTERNAL_NAMES.test(host) || !host.includes(".")) return "The URL points to an internal host name.";
  return null;
}

// Whether a hook may be saved with this URL (see hookUrlProblem for the reason when not).
export function isAllowedHookUrl(raw: string, env: HostEnv = process.env): boolean {
  return hookUrlProblem(raw, env) === null;
}

// A key's IP allow-list: CIDR ranges (IPv4 and IPv6) it may be used from. Stored as one string of
// canonical CIDRs separated by spaces ("" allows any address); checked with node's BlockList.
import net from "node:net";

export const MAX_ALLOWED_CIDRS = 10;

export type CidrParse = { ok: true; cidrs: string[] } | { ok: false; message: string };

// One entry: an address (a single host) or address/prefix. Returns the canonical form or null.
function canonicalCidr(entry: string): string | null {
  const [address, prefixText, extra] = entry.split("/");
  if (extra !== undefined) return null;
  const version = net.isIP(address);
  if (version === 0 || address.includes("%")) return null;
  const max = version === 4 ? 32 : 128;
  if (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText)) return null;
  const prefix = prefixText === undefined ? max : Number(prefixText);
  if (prefix > max) return null;
  return `${version === 6 ? address.toLowerCase() : address}/${prefix}`;
}

// Parse a list typed by a person or sent by a client: entries separated by commas, spaces or line breaks.
export function parseAllowList(input: string | string[]): CidrParse {
  const entries = (Array.isArray(input) ? input : [input]).flatMap((s) => s.split(/[\s,]+/)).filter(Boolean);
  if (entries.length > MAX_ALLOWED_CIDRS) return { ok: false, message: `Use at most ${MAX_ALLOWED_CIDRS} address ranges.` };
  const cidrs: string[] = [];
  for (const entry of entries) {
    const cidr = canonicalCidr(entry);
    if (!cidr) return { ok: false, message: `“${entry.slice(0, 50)}” is not an IPv4 or IPv6 address or CIDR range (such as 203.0.113.0/24 or 2001:db8::/32).` };
    if (!cidrs.includes(cidr)) cidrs.push(cidr);
  }
  return { ok: true, cidrs };
}

export function allowListOf(stored: string): string[] {
  return stored ? stored.split(" ") : [];
}

// Parsed lists, by their stored text (a key's list changes rarely; the map is bounded).
const lists = new Map<string, net.BlockList>();

function blockListOf(stored: string): net.BlockList {
  let list = lists.get(stored);
  if (!list) {
    list = new net.BlockList();
    for (const cidr of allowListOf(stored)) {
      const [address, prefix] = cidr.split("/");
      list.addSubnet(address, Number(prefix), net.isIP(address) === 4 ? "ipv4" : "ipv6");
    }
    if (lists.size >= 1_000) lists.clear();
    lists.set(stored, list);
  }
  return list;
}

// Whether a client address may use a key with this stored list ("" allows any; an unknown address none).
export function addressAllowed(stored: string, address: string | null | undefined): boolean {
  if (!stored) return true;
  if (!address) return false;
  const bare = address.trim().replace(/^\[|\]$/g, "");
  const version = net.isIP(bare);
  if (version === 0) return false;
  // BlockList matches an IPv4-mapped IPv6 address (::ffff:a.b.c.d) against IPv4 ranges too.
  return blockListOf(stored).check(bare, version === 4 ? "ipv4" : "ipv6");
}

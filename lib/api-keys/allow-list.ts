// A key's IP allow-list: CIDR ranges (IPv4 and IPv6) it may be used from. Stored as one string of
// canonical CIDRs separated by spaces ("" allows any address); checked by hand-parsed numbers (see addressAllowed).
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

// An address as numbers: IPv4 as one unsigned 32-bit number, IPv6 as eight 16-bit words. Hand-parsed, as this is on
// the verification path (node's BlockList.check costs ~10 µs a call, as much as the whole key lookup).
type Parsed = { v4: number } | { v6: number[] };

function parseV4(text: string): number | null {
  const parts = text.split(".");
  if (parts.length !== 4) return null;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return null;
    const n = Number(part);
    if (n > 255) return null;
    value = value * 256 + n;
  }
  return value;
}

const HEXTET = /^[0-9a-f]{1,4}$/;

function parseV6(text: string): number[] | null {
  let body = text.toLowerCase();
  const tail: number[] = [];
  const v4 = /(?:^|:)(\d+\.\d+\.\d+\.\d+)$/.exec(body);
  if (v4) {
    const n = parseV4(v4[1]);
    if (n === null) return null;
    tail.push(Math.floor(n / 65536), n % 65536);
    body = body.slice(0, body.length - v4[1].length);
    if (body.endsWith(":") && !body.endsWith("::")) body = body.slice(0, -1);
  }
  const halves = body.split("::");
  if (halves.length > 2) return null;
  const words = (half: string) => (half ? half.split(":") : []);
  const left = words(halves[0]);
  const right = halves.length === 2 ? words(halves[1]) : [];
  const total = left.length + right.length + tail.length;
  if (halves.length === 1 ? total !== 8 : total > 7) return null;
  for (const w of left) if (!HEXTET.test(w)) return null;
  for (const w of right) if (!HEXTET.test(w)) return null;
  const out: number[] = [];
  for (const w of left) out.push(Number.parseInt(w, 16));
  if (halves.length === 2) for (let i = total; i < 8; i++) out.push(0);
  for (const w of right) out.push(Number.parseInt(w, 16));
  out.push(...tail);
  return out;
}

function parseAddress(text: string): Parsed | null {
  const bare = text.trim().replace(/^\[|\]$/g, "");
  if (!bare.includes(":")) {
    const v4 = parseV4(bare);
    return v4 === null ? null : { v4 };
  }
  const v6 = parseV6(bare);
  if (!v6) return null;
  // An IPv4-mapped IPv6 address (::ffff:a.b.c.d) is that IPv4 address.
  if (v6[0] === 0 && v6[1] === 0 && v6[2] === 0 && v6[3] === 0 && v6[4] === 0 && v6[5] === 0xffff) return { v4: v6[6] * 65536 + v6[7] };
  return { v6 };
}

type Range = { v4: number; bits: number } | { v6: number[]; bits: number };

function inRange(address: Parsed, range: Range): boolean {
  if ("v4" in range) {
    if (!("v4" in address)) return false;
    if (range.bits === 0) return true;
    const shift = 32 - range.bits;
    return Math.floor(address.v4 / 2 ** shift) === Math.floor(range.v4 / 2 ** shift);
  }
  if (!("v6" in address)) return false;
  let bits = range.bits;
  for (let i = 0; i < 8 && bits > 0; i++, bits -= 16) {
    if (bits >= 16) {
      if (address.v6[i] !== range.v6[i]) return false;
    } else {
      const shift = 16 - bits;
      if (address.v6[i] >> shift !== range.v6[i] >> shift) return false;
    }
  }
  return true;
}

// Parsed lists, by their stored text (a key's list changes rarely; the map is bounded).
const lists = new Map<string, Range[]>();

function rangesOf(stored: string): Range[] {
  let ranges = lists.get(stored);
  if (!ranges) {
    ranges = [];
    for (const cidr of allowListOf(stored)) {
      const [address, prefix] = cidr.split("/");
      const parsed = parseAddress(address);
      // Fail closed: an entry without a whole prefix in range never matches (parseAllowList always writes one).
      const bits = /^\d{1,3}$/.test(prefix ?? "") ? Number(prefix) : NaN;
      if (!parsed || !(bits >= 0 && bits <= (address.includes(":") ? 128 : 32))) continue;
      ranges.push("v4" in parsed && !address.includes(":") ? { v4: parsed.v4, bits: Number(prefix) } : "v6" in parsed ? { v6: parsed.v6, bits: Number(prefix) } : { v4: parsed.v4, bits: Math.max(0, Number(prefix) - 96) });
    }
    if (lists.size >= 1_000) lists.clear();
    lists.set(stored, ranges);
  }
  return ranges;
}

// Client addresses as parsed (a client sends many requests from one address; the map is bounded).
const addresses = new Map<string, Parsed | null>();

// Whether a client address may use a key with this stored list ("" allows any; an unknown address none).
export function addressAllowed(stored: string, address: string | null | undefined): boolean {
  if (!stored) return true;
  if (!address) return false;
  let parsed = addresses.get(address);
  if (parsed === undefined) {
    parsed = parseAddress(address);
    if (addresses.size >= 10_000) addresses.clear();
    addresses.set(address, parsed);
  }
  if (!parsed) return false;
  for (const range of rangesOf(stored)) if (inRange(parsed, range)) return true;
  return false;
}

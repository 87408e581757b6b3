// Which addresses a connection to a source or destination may reach: public, private (operator's choice) or never.
import net from "node:net";

export type AddressClass = "public" | "private" | "forbidden";

// Never reachable, whatever the policy: link-local (cloud metadata 169.254.169.254 included), unspecified,
// multicast and broadcast, and well-known metadata addresses outside link-local.
const FORBIDDEN: [string, number, "ipv4" | "ipv6"][] = [
  ["0.0.0.0", 8, "ipv4"],
  ["169.254.0.0", 16, "ipv4"],
  ["100.100.100.200", 32, "ipv4"],
  ["224.0.0.0", 4, "ipv4"],
  ["240.0.0.0", 4, "ipv4"],
  ["::", 128, "ipv6"],
  ["fe80::", 10, "ipv6"],
  ["ff00::", 8, "ipv6"],
  ["fd00:ec2::254", 128, "ipv6"],
];

// Loopback and private ranges: reachable only when the operator allows them.
const PRIVATE: [string, number, "ipv4" | "ipv6"][] = [
  ["127.0.0.0", 8, "ipv4"],
  ["10.0.0.0", 8, "ipv4"],
  ["172.16.0.0", 12, "ipv4"],
  ["192.168.0.0", 16, "ipv4"],
  ["100.64.0.0", 10, "ipv4"],
  ["192.0.0.0", 24, "ipv4"],
  ["198.18.0.0", 15, "ipv4"],
  ["::1", 128, "ipv6"],
  ["fc00::", 7, "ipv6"],
  ["64:ff9b::", 96, "ipv6"],
  ["2002::", 16, "ipv6"],
];

function blockList(ranges: [string, number, "ipv4" | "ipv6"][]): net.BlockList {
  const list = new net.BlockList();
  for (const [address, prefix, family] of ranges) list.addSubnet(address, prefix, family);
  return list;
}

const forbidden = blockList(FORBIDDEN);
const privateRanges = blockList(PRIVATE);

// An IPv4 address written as IPv6 (::ffff:10.0.0.1) is judged as the IPv4 address it is.
export function unmapped(address: string): string {
  const m = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return m ? m[1] : address;
}

// Classify one IP address (not a host name).
export function classifyAddress(address: string): AddressClass {
  const ip = unmapped(address);
  const family = net.isIP(ip) === 4 ? "ipv4" : net.isIP(ip) === 6 ? "ipv6" : null;
  if (!family) return "forbidden";
  if (forbidden.check(ip, family)) return "forbidden";
  if (privateRanges.check(ip, family)) return "private";
  return "public";
}

// A parsed allow-list of CIDRs ("10.1.0.0/16, fd12::/48"); throws on a malformed entry (a setting error).
export function parseCidrs(value: string | undefined): net.BlockList {
  const list = new net.BlockList();
  for (const entry of (value ?? "").split(",").map((s) => s.trim()).filter(Boolean)) {
    const [address, bits] = entry.split("/");
    const family = net.isIP(address);
    const prefix = Number(bits ?? (family === 6 ? 128 : 32));
    if (!family || !Number.isInteger(prefix) || prefix < 0 || prefix > (family === 6 ? 128 : 32)) {
      throw new Error(`ALLOWED_HOST_CIDRS: "${entry}" is not an address range like 10.1.0.0/16.`);
    }
    list.addSubnet(address, prefix, family === 6 ? "ipv6" : "ipv4");
  }
  return list;
}

// Whether an address falls in an allow-list.
export function inCidrs(list: net.BlockList, address: string): boolean {
  const ip = unmapped(address);
  return list.check(ip, net.isIP(ip) === 6 ? "ipv6" : "ipv4");
}

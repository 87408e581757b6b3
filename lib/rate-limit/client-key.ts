// The key a client address is counted under: an IPv4 address as it is, an IPv6 address by its /64
// (one customer network gets a whole /64, so counting single addresses would let it rotate freely).
import net from "node:net";

// Expand an IPv6 address to its eight hextets (null if it is not one).
function hextets(address: string): string[] | null {
  if (net.isIP(address) !== 6) return null;
  let text = address.split("%")[0].toLowerCase();
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4[1].split(".").map(Number);
    text = text.slice(0, -v4[1].length) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split("::");
  const left = head ? head.split(":") : [];
  const right = tail !== undefined && tail ? tail.split(":") : [];
  const fill = tail === undefined ? [] : Array(8 - left.length - right.length).fill("0");
  return [...left, ...fill, ...right].map((h) => h.replace(/^0+(?=.)/, ""));
}

// The rate-limit key of a client address ("unknown" when there is none).
export function clientKey(address: string | null | undefined): string {
  if (!address) return "unknown";
  const bare = address.trim().replace(/^\[|\]$/g, "");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  if (mapped) return mapped[1];
  if (net.isIP(bare) === 4) return bare;
  const parts = hextets(bare);
  return parts ? `${parts.slice(0, 4).join(":")}::/64` : bare.slice(0, 64);
}

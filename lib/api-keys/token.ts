// The API key format: "bobbin_" + 43 base62 chars of 32 random bytes + 6 base62 chars of CRC32.
import { randomBytes } from "node:crypto";
import { crc32 } from "node:zlib";

export const API_KEY_PREFIX = "bobbin_";
const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
export const RANDOM_BYTES = 32;
// ceil(256 bits / log2(62)) = 43 characters hold 32 bytes.
const BODY_LENGTH = 43;
const CHECKSUM_LENGTH = 6;
export const API_KEY_LENGTH = API_KEY_PREFIX.length + BODY_LENGTH + CHECKSUM_LENGTH;
const KEY_PATTERN = new RegExp(`^${API_KEY_PREFIX}[0-9A-Za-z]{${BODY_LENGTH + CHECKSUM_LENGTH}}$`);

// Encode a non-negative integer in base62, left-padded with "0" to a fixed width.
function toBase62(value: bigint, width: number): string {
  let out = "";
  while (value > 0n) {
    out = ALPHABET[Number(value % 62n)] + out;
    value /= 62n;
  }
  return out.padStart(width, "0");
}

function checksumOf(text: string): string {
  return toBase62(BigInt(crc32(text)), CHECKSUM_LENGTH);
}

// Generate a new plaintext key from the CSPRNG.
export function generateApiKey(): string {
  const body = toBase62(BigInt("0x" + randomBytes(RANDOM_BYTES).toString("hex")), BODY_LENGTH);
  const unsigned = API_KEY_PREFIX + body;
  return unsigned + checksumOf(unsigned);
}

// True when the string has our shape and its checksum matches: checked offline, before any lookup.
export function isWellFormedApiKey(token: string): boolean {
  if (token.length !== API_KEY_LENGTH || !KEY_PATTERN.test(token)) return false;
  const cut = token.length - CHECKSUM_LENGTH;
  return checksumOf(token.slice(0, cut)) === token.slice(cut);
}

// The display fragment kept beside the hash.
export function lastFourOf(token: string): string {
  return token.slice(-4);
}

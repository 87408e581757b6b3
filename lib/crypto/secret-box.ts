// Authenticated encryption (AES-256-GCM) of secret integration properties at rest.
// A sealed value names its key (a key id) and is bound to its row: the additional data is table, id and
// property, so a value copied to another row or property does not open. Old keys open, the current one seals:
// `npm run rotate-data-key` re-seals everything with the current key (docs: README "Rotating the data key").
import "server-only";
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

// Where a sealed value belongs.
export type SealContext = { table: "Source" | "Destination" | "NotificationHook"; id: number; property: string };

export type SecretBox = {
  // The id of the key that seals.
  keyId: string;
  seal(plain: string, context: SealContext): string;
  open(sealed: string, context: SealContext): string;
  // Whether a sealed value is in an old format or under an old key (rotation re-seals it).
  isStale(sealed: string): boolean;
};

const V1 = "v1";
const V2 = "v2";

function keyOf(secret: string): Buffer {
  return createHash("sha256").update(`bobbin:secret-box:${secret}`).digest();
}

// A short public id of a key (not enough to learn anything about it).
export function keyIdOf(secret: string): string {
  return createHash("sha256").update(`bobbin:key-id:${secret}`).digest("base64url").slice(0, 8);
}

function additionalData(context: SealContext): Buffer {
  return Buffer.from(`bobbin:${context.table}:${context.id}:${context.property}`, "utf8");
}

function decrypt(key: Buffer, iv: string, tag: string, body: string, aad?: Buffer): string {
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  if (aad) decipher.setAAD(aad);
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
}

// A box that seals with `current` and opens with it or any of `previous` (each ≥ 32 characters, hashed to 256 bits).
export function createSecretBox(current: string, previous: readonly string[] = []): SecretBox {
  const keys = new Map([current, ...previous].map((s) => [keyIdOf(s), keyOf(s)]));
  const keyId = keyIdOf(current);
  const sealKey = keys.get(keyId)!;
  return {
    keyId,
    seal(plain, context) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", sealKey, iv);
      cipher.setAAD(additionalData(context));
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return [V2, keyId, ...[iv, cipher.getAuthTag(), body].map((p) => p.toString("base64url"))].join(".");
    },
    open(sealed, context) {
      const parts = sealed.split(".");
      if (parts[0] === V2 && parts.length === 5) {
        const key = keys.get(parts[1]);
        if (!key) throw new Error(`secret box: sealed with key ${parts[1]}, which is not configured (DATA_ENCRYPTION_KEY_PREVIOUS)`);
        return decrypt(key, parts[2], parts[3], parts[4], additionalData(context));
      }
      // The first format: no key id, no binding to the row. Tried with every key; rotation re-seals it.
      if (parts[0] === V1 && parts.length === 4) {
        for (const key of keys.values()) {
          try {
            return decrypt(key, parts[1], parts[2], parts[3]);
          } catch {
            // not this key
          }
        }
        throw new Error("secret box: no configured key opens this value");
      }
      throw new Error("secret box: unknown format");
    },
    isStale(sealed) {
      const [version, id] = sealed.split(".");
      return version !== V2 || id !== keyId;
    },
  };
}

// Previous keys from the environment: DATA_ENCRYPTION_KEY_PREVIOUS, comma-separated.
export function previousKeysFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env.DATA_ENCRYPTION_KEY_PREVIOUS ?? "").split(",").map((s) => s.trim()).filter(Boolean);
}

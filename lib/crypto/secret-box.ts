// Authenticated encryption (AES-256-GCM) of secret integration properties at rest.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

export type SecretBox = { seal(plain: string): string; open(sealed: string): string };

const VERSION = "v1";

// A box keyed by a server secret (any length ≥ 32 characters; hashed to a 256-bit key).
export function createSecretBox(secret: string): SecretBox {
  const key = createHash("sha256").update(`bobbin:secret-box:${secret}`).digest();
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return [VERSION, iv, cipher.getAuthTag(), body].map((p) => (typeof p === "string" ? p : p.toString("base64url"))).join(".");
    },
    open(sealed) {
      const [version, iv, tag, body] = sealed.split(".");
      if (version !== VERSION || !iv || !tag || body === undefined) throw new Error("secret box: unknown format");
      const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
      decipher.setAuthTag(Buffer.from(tag, "base64url"));
      return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
    },
  };
}

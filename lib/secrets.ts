// Server-side secrets, read from the environment (npm start fills it from data/secrets.env locally).
import "server-only";
const cache = new Map<string, string>();

export const SECRET_NAMES = ["NEXTAUTH_SECRET", "API_KEY_HMAC_SECRET", "DATA_ENCRYPTION_KEY"] as const;
export type SecretName = (typeof SECRET_NAMES)[number];

// Return a secret or fail loudly: the app never runs on a missing or weak secret.
export function readSecret(name: SecretName): string {
  const hit = cache.get(name);
  if (hit) return hit;
  const value = process.env[name];
  if (!value || value.length < 32) {
    throw new Error(`${name} is not set (or shorter than 32 characters). Start with "npm start", which generates local secrets, or set it in the environment.`);
  }
  cache.set(name, value);
  return value;
}

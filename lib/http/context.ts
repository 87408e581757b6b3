// The API's process-wide services: database, secret box, key store and rate-limit store (built once).
import "server-only";
import { appKeyStore } from "../api-keys/key-store";
import type { KeyStore } from "../api-keys/verify";
import { createSecretBox } from "../crypto/secret-box";
import { db } from "../db";
import type { ConnectDeps } from "../connect/sources";
import { rateLimitStoreFromEnv, type RateLimitStore } from "../rate-limit";
import { readSecret } from "../secrets";

type Services = ConnectDeps & { keys: KeyStore; limits: RateLimitStore; pepper: string };

let services: Services | undefined;

export function apiServices(): Services {
  services ??= {
    db,
    box: createSecretBox(readSecret("DATA_ENCRYPTION_KEY")),
    keys: appKeyStore(db),
    limits: rateLimitStoreFromEnv(db),
    pepper: readSecret("API_KEY_HMAC_SECRET"),
  };
  return services;
}

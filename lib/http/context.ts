// The API's process-wide services: the Connect domain's (database, secret box), the key store and the rate-limit store.
import "server-only";
import { appKeyStore } from "../api-keys/key-store";
import { appUsageCounter, type UsageCounter } from "../api-keys/usage";
import type { KeyStore } from "../api-keys/verify";
import { connectServices } from "../connect/services";
import type { ConnectDeps } from "../connect/sources";
import { rateLimitStoreFromEnv, type RateLimitStore } from "../rate-limit";
import { readSecret } from "../secrets";

type Services = ConnectDeps & { keys: KeyStore; limits: RateLimitStore; pepper: string; usage: UsageCounter };

let services: Services | undefined;

export function apiServices(): Services {
  const { db, box } = connectServices();
  services ??= {
    db,
    box,
    keys: appKeyStore(db),
    limits: rateLimitStoreFromEnv(db),
    pepper: readSecret("API_KEY_HMAC_SECRET"),
    usage: appUsageCounter(db),
  };
  return services;
}

// The Connect domain's services for pages and actions: the database and the box that seals secret properties.
import "server-only";
import { createSecretBox, previousKeysFromEnv } from "../crypto/secret-box";
import { db } from "../db/client";
import { readSecret } from "../secrets";
import type { ConnectDeps } from "./sources";

let deps: ConnectDeps | undefined;

export function connectServices(): ConnectDeps {
  deps ??= { db, box: createSecretBox(readSecret("DATA_ENCRYPTION_KEY"), previousKeysFromEnv()) };
  return deps;
}

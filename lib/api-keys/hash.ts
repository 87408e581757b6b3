// Keyed hash (HMAC-SHA256 with a server-side pepper) under which keys are stored and looked up.
import "server-only";
import { createHmac } from "node:crypto";

export function hashApiKey(token: string, pepper: string): string {
  return createHmac("sha256", pepper).update(token).digest("base64url");
}

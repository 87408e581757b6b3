// The key a Connect API request is made with, as it may see itself (GET /v4/keys/self): never the key itself.
import "server-only";
import type { Db } from "../db/factory";

export type KeyIdentity = {
  last4: string;
  description: string;
  account: { id: number; name: string };
  access: "full" | "read";
  expiresAt: Date | null;
  allowedCidrs: string[];
  createdAt: Date;
};

// The key of the account by its id, or null when the account has no such key.
export async function findKeyIdentity(db: Db, keyId: number, accountId: number): Promise<KeyIdentity | null> {
  const key = await db.apiKey.findFirst({
    where: { id: keyId, accountId },
    select: { last4: true, description: true, access: true, expiresAt: true, allowedCidrs: true, createdAt: true, account: { select: { id: true, name: true } } },
  });
  if (!key) return null;
  return {
    last4: key.last4,
    description: key.description,
    account: key.account,
    access: key.access === "read" ? "read" : "full",
    expiresAt: key.expiresAt,
    allowedCidrs: key.allowedCidrs ? key.allowedCidrs.split(" ") : [],
    createdAt: key.createdAt,
  };
}

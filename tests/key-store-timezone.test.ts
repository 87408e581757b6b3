// The key store reads expiry instants the same whatever the process's time zone: west of UTC a key that expired
// an hour ago must not come back to life for the length of the offset (nor, east of it, expire early).
import { vi } from "vitest";

vi.hoisted(() => {
  process.env.TZ = "America/New_York";
});

import { describe, expect, it } from "vitest";
import { appKeyStore } from "@/lib/api-keys/key-store";
import { createApiKey } from "@/lib/api-keys/service";
import { verifyApiKey } from "@/lib/api-keys/verify";
import { freshDb } from "./helpers/db";
import { seedAccount } from "./helpers/accounts";

const PEPPER = "test-pepper-0123456789-0123456789-abcdef";

describe("key expiry in a process west of UTC", async () => {
  const { db, url } = await freshDb();
  const store = appKeyStore(db, url);

  it("an expiry an hour ago refuses the key; one an hour ahead accepts it", async () => {
    expect(new Date("2026-01-01T00:00:00").getTimezoneOffset()).toBeGreaterThan(0); // the zone did apply
    const acct = await seedAccount(db);
    const actor = { workspaceId: acct.workspaceId, userId: acct.users[0].id };
    const past = await createApiKey(db, actor, "expired an hour ago", PEPPER);
    const future = await createApiKey(db, actor, "expires in an hour", PEPPER);
    if (!past.ok || !future.ok) throw new Error("setup");
    const now = Date.now();
    await db.apiKey.update({ where: { id: past.value.key.id }, data: { expiresAt: new Date(now - 3_600_000) } });
    await db.apiKey.update({ where: { id: future.value.key.id }, data: { expiresAt: new Date(now + 3_600_000) } });
    expect(await verifyApiKey(store, past.value.plaintext, PEPPER)).toBeNull();
    expect(await verifyApiKey(store, future.value.plaintext, PEPPER)).not.toBeNull();
  });
});

// npm run rotate-data-key: re-seal every stored source and destination secret with DATA_ENCRYPTION_KEY.
// Rotation: set the new key as DATA_ENCRYPTION_KEY and the old one(s) in DATA_ENCRYPTION_KEY_PREVIOUS
// (comma-separated) on every instance, restart them, run this once, then drop the old keys.
import { createDb } from "../lib/db/factory";
import { databaseUrl } from "../lib/db/url";
import { createSecretBox, previousKeysFromEnv } from "../lib/crypto/secret-box";
import { rotateSealedSecrets } from "../lib/crypto/rotate";
import { readSecret } from "../lib/secrets";
import { ensureSecrets } from "./lib/local-secrets";

async function main() {
  ensureSecrets(process.env);
  const box = createSecretBox(readSecret("DATA_ENCRYPTION_KEY"), previousKeysFromEnv());
  const db = createDb(databaseUrl(process.env));
  try {
    const report = await rotateSealedSecrets(db, box);
    console.log(`Re-sealed with key ${box.keyId}: ${report.sources} source(s), ${report.destinations} destination(s), ${report.hooks} hook(s).`);
    if (report.unreadable.length) {
      console.log(`Could not open (give their passwords again): ${report.unreadable.map((r) => `${r.table} ${r.id}`).join(", ")}.`);
      process.exitCode = 2;
    }
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: Error) => {
  console.error(`rotate-data-key failed: ${error.message}`);
  process.exit(1);
});

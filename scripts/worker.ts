// npm run worker: a standalone replication worker on DATABASE_URL (on PostgreSQL, run as many as you like,
// on any host). SIGTERM/SIGINT stop it gracefully: running jobs end recorded, bookmarks as last committed.
import { createDb } from "../lib/db/factory";
import { createSecretBox } from "../lib/crypto/secret-box";
import { databaseKind, databaseUrl } from "../lib/db/url";
import { localQueue } from "../lib/jobs/local-queue";
import { pgBossQueue } from "../lib/jobs/pg-boss-queue";
import { startWorker } from "../lib/jobs/worker";
import { runReplication } from "../lib/replication/engine/run";
import { readSecret } from "../lib/secrets";
import { ensureSecrets } from "./lib/local-secrets";

async function main() {
  ensureSecrets(process.env);
  const url = databaseUrl();
  const db = createDb(url);
  const box = createSecretBox(readSecret("DATA_ENCRYPTION_KEY"));
  const queue = databaseKind(url) === "postgres" ? pgBossQueue(url) : localQueue(db);
  const concurrency = Number(process.env.WORKER_CONCURRENCY ?? 2);
  const worker = await startWorker({ db, box, engine: runReplication }, queue, { concurrency });
  console.log(`worker: ready (${queue.kind} queue, ${concurrency} at a time, pid ${process.pid})`);
  const stop = async (signal: string) => {
    console.log(`worker: ${signal}: stopping`);
    await worker.stop();
    await db.$disconnect();
    process.exit(0);
  };
  process.once("SIGTERM", () => void stop("SIGTERM"));
  process.once("SIGINT", () => void stop("SIGINT"));
}

main().catch((error: Error) => {
  console.error(`worker failed to start: ${error.message.split("\n")[0]}`);
  process.exit(1);
});

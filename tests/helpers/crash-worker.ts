// Child process of tests/crash.test.ts: create, disable, re-enable and delete keys through the domain
// (lib/api-keys/service.ts) in a loop until killed. Each line on stdout is written synchronously:
// "begin <op> <keyId|->" before an action, "ok <op> <keyId>" once the domain reported success.
import { writeSync } from "node:fs";
import { createDb } from "../../lib/db-client";
import { createApiKey, deleteApiKey, listApiKeys, MAX_KEYS_PER_ACCOUNT, setApiKeyStatus } from "../../lib/api-keys/service";

const [url, pepper, ...actorArgs] = process.argv.slice(2);
const actors = actorArgs.map((a) => {
  const [workspaceId, userId] = a.split(":");
  return { workspaceId: Number(workspaceId), userId };
});
const say = (line: string) => writeSync(1, line + "\n");
const pick = <T>(list: T[]) => list[Math.floor(Math.random() * list.length)];

async function main() {
  const db = createDb(url);
  for (let n = 0; ; n++) {
    const actor = pick(actors);
    const keys = await listApiKeys(db, actor.workspaceId);
    if (keys.length < MAX_KEYS_PER_ACCOUNT && (keys.length === 0 || Math.random() < 0.5)) {
      say(`begin create -`);
      const r = await createApiKey(db, actor, `crash ${n}`, pepper);
      if (r.ok) say(`ok create ${r.value.key.id}`);
      continue;
    }
    const key = pick(keys);
    if (Math.random() < 0.6) {
      const status = key.status === "enabled" ? "disabled" : "enabled";
      say(`begin ${status} ${key.id}`);
      if ((await setApiKeyStatus(db, actor, key.id, status)).ok) say(`ok ${status} ${key.id}`);
    } else {
      say(`begin delete ${key.id}`);
      if ((await deleteApiKey(db, actor, key.id)).ok) say(`ok delete ${key.id}`);
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

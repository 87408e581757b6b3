// Crash safety of the key lifecycle. A child Node process (tsx, tests/helpers/crash-worker.ts) runs
// create/disable/re-enable/delete through lib/api-keys/service.ts against a fresh database, and is
// killed with SIGKILL mid-loop, restarted, and killed again. (The domain process is killed, not a
// `next start`: the server actions are thin adapters over these same transactions.) Afterwards the
// database must be intact, every account's key counter must equal its rows, and every action the
// worker reported as successful must be visible.
import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { freshDb } from "./helpers/db";
import { seedAccount } from "./helpers/accounts";

const PEPPER = "crash-test-pepper-0123456789-0123456789";
type Line = { kind: "begin" | "ok"; op: string; keyId: string };

// Run the worker until it has reported `successes` actions, then SIGKILL it; resolves with its lines.
function runAndKill(url: string, actors: string[], successes: number): Promise<Line[]> {
  const worker = path.resolve("tests/helpers/crash-worker.ts");
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", worker, url, PEPPER, ...actors], { stdio: ["ignore", "pipe", "pipe"] });
  const lines: Line[] = [];
  let buffer = "";
  let stderr = "";
  child.stderr.on("data", (c) => (stderr += c));
  return new Promise((resolve, reject) => {
    child.stdout.on("data", (chunk) => {
      buffer += chunk;
      const parts = buffer.split("\n");
      buffer = parts.pop()!;
      for (const part of parts) {
        const [kind, op, keyId] = part.split(" ");
        lines.push({ kind: kind as Line["kind"], op, keyId });
      }
      // Kill at a random point after enough work, most likely inside a transaction.
      if (lines.filter((l) => l.kind === "ok").length >= successes) setTimeout(() => child.kill("SIGKILL"), Math.random() * 20);
    });
    child.on("exit", (code, signal) => (signal === "SIGKILL" ? resolve(lines) : reject(new Error(`worker exited ${code}: ${stderr}`))));
  });
}

describe("kill -9 during key actions", async () => {
  const { db, url } = await freshDb();

  it("leaves an intact database, exact counters, and every reported success in place", async () => {
    const accounts = await Promise.all([1, 2, 3].map(() => seedAccount(db)));
    const actors = accounts.map((a) => `${a.accountId}:${a.users[0].id}`);
    const lines = [...(await runAndKill(url, actors, 60)), ...(await runAndKill(url, actors, 60))];
    expect(lines.filter((l) => l.kind === "ok").length).toBeGreaterThanOrEqual(120);

    if (url.startsWith("file:")) {
      expect(await db.$queryRawUnsafe<{ integrity_check: string }[]>("PRAGMA integrity_check")).toEqual([{ integrity_check: "ok" }]);
    }
    for (const account of accounts) {
      const counter = (await db.account.findUniqueOrThrow({ where: { id: account.accountId } })).apiKeyCount;
      expect(counter).toBe(await db.apiKey.count({ where: { accountId: account.accountId } }));
    }

    // The last reported state of each key; a key whose later action began but never reported may have moved on.
    const expected = new Map<string, string>();
    const uncertain = new Set<string>();
    for (const line of lines) {
      if (line.kind === "ok") expected.set(line.keyId, line.op === "create" ? "enabled" : line.op);
      uncertain.delete(line.keyId);
      if (line.kind === "begin" && line.keyId !== "-") uncertain.add(line.keyId);
    }
    let checked = 0;
    for (const [keyId, state] of expected) {
      if (uncertain.has(keyId)) continue;
      const row = await db.apiKey.findUnique({ where: { id: Number(keyId) } });
      expect(row?.status ?? "delete", `key ${keyId}`).toBe(state);
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });
});

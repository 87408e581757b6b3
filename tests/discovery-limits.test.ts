// Discovery cannot exhaust the server: one running check per source, at most 2 per account and 4 in all
// at a time, caps on what a catalog read keeps, and one deadline over the whole discovery.
import net from "node:net";
import { describe, expect, it } from "vitest";
import { checkLoad, lastConnectionCheck, startConnectionCheck } from "@/lib/connect/checks";
import { discoverPostgres } from "@/lib/connect/discovery/postgres";
import { freshDb } from "./helpers/db";
import { seedAccount } from "./helpers/accounts";
import { createSourceDatabase, SOURCE_PG } from "./helpers/source-db";

// A server that accepts connections and never answers; it counts how many are open at once.
async function silentServer() {
  const state = { port: 0, open: 0, peak: 0, total: 0, arrivals: [] as number[], close: () => {} };
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    state.total++;
    state.arrivals.push(Date.now());
    state.peak = Math.max(state.peak, ++state.open);
    socket.on("error", () => {});
    socket.resume(); // read (and drop) what comes, so a client's close is seen at once
    socket.on("close", () => {
      state.open--;
      sockets.delete(socket);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  state.port = (server.address() as net.AddressInfo).port;
  state.close = () => {
    for (const s of sockets) s.destroy();
    server.close();
  };
  return state;
}

describe("limits of discovery", async () => {
  const { db } = await freshDb();
  const database = await createSourceDatabase();
  const conn = (extra: Record<string, unknown> = {}) => ({ ...SOURCE_PG, database, filterSchemas: [] as string[], ...extra });
  const quick = { timeouts: { connectMs: 1000, queryMs: 1000 } };

  async function sources(accountId: number, n: number) {
    return Promise.all(
      Array.from({ length: n }, (_, i) => db.source.create({ data: { accountId, name: `s${i}_${Date.now()}`, displayName: "S", type: "platform.postgres" } })),
    );
  }

  it("caps tables, columns and one deadline over the whole discovery", async () => {
    const tables = await discoverPostgres(conn(), undefined, { maxTables: 2, maxColumns: 1000, maxBytes: 1 << 20, deadlineMs: 60_000 });
    expect(tables).toMatchObject({ ok: false, stage: "discovery", message: expect.stringMatching(/more than 2 tables and views; narrow .* filter_schemas/) });
    const columns = await discoverPostgres(conn(), undefined, { maxTables: 100, maxColumns: 3, maxBytes: 1 << 20, deadlineMs: 60_000 });
    expect(columns).toMatchObject({ ok: false, message: expect.stringMatching(/more than 3 columns/) });
    const bytes = await discoverPostgres(conn(), undefined, { maxTables: 100, maxColumns: 1000, maxBytes: 200, deadlineMs: 60_000 });
    expect(bytes).toMatchObject({ ok: false, message: expect.stringMatching(/catalog is larger than/) });

    const silent = await silentServer();
    const started = Date.now();
    const hung = await discoverPostgres(conn({ port: silent.port }), { connectMs: 30_000, queryMs: 30_000 }, { maxTables: 10, maxColumns: 10, maxBytes: 1 << 20, deadlineMs: 500 });
    expect(hung).toMatchObject({ ok: false, message: expect.stringMatching(/^timed out/) });
    expect(Date.now() - started).toBeLessThan(5_000);
    silent.close();
  });

  it("a source has one running check: starting again while it runs returns the running one", async () => {
    const silent = await silentServer();
    const { accountId } = await seedAccount(db);
    const [src] = await sources(accountId, 1);
    const starts = await Promise.all([1, 2, 3].map(() => startConnectionCheck(db, src, conn({ port: silent.port }), quick)));
    expect(new Set(starts.map((s) => s.jobName)).size).toBe(1);
    expect(await db.connectionCheck.count({ where: { sourceId: src.id } })).toBe(1);
    await Promise.all(starts.map((s) => s.finished));
    expect(silent.total).toBeLessThanOrEqual(1);
    expect((await lastConnectionCheck(db, src.id))?.status).toBe("failed");
    silent.close();
  });

  it("at most 2 checks of an account and 4 in all run at once; the rest wait their turn", async () => {
    const silent = await silentServer();
    // Sample what runs while the checks go on (each waits 1 s for an answer that never comes).
    const peaks = { account: 0, overall: 0 };
    let watched = 0;
    const sampler = setInterval(() => {
      peaks.overall = Math.max(peaks.overall, checkLoad().active);
      if (watched) peaks.account = Math.max(peaks.account, checkLoad(watched).active);
    }, 2);
    try {
      const one = await seedAccount(db);
      watched = one.accountId;
      const many = await sources(one.accountId, 5);
      const started = await Promise.all(many.map((s) => startConnectionCheck(db, s, conn({ port: silent.port }), quick)));
      await Promise.all(started.map((s) => s.finished));
      expect(silent.total).toBeLessThanOrEqual(5);
      expect(peaks.account).toBe(2);
      expect(peaks.overall).toBe(2);

      peaks.overall = 0;
      const accounts = await Promise.all([1, 2, 3, 4].map(() => seedAccount(db)));
      const spread = (await Promise.all(accounts.map((a) => sources(a.accountId, 2)))).flat();
      const all = await Promise.all(spread.map((s) => startConnectionCheck(db, s, conn({ port: silent.port }), quick)));
      await Promise.all(all.map((s) => s.finished));
      expect(silent.total).toBeLessThanOrEqual(13);
      expect(peaks.overall).toBe(4);
      for (const s of spread) expect((await lastConnectionCheck(db, s.id))?.status).toBe("failed");
    } finally {
      clearInterval(sampler);
      silent.close();
    }
  });
});

// HTTP benchmark of the Connect API on `next start` with SQLite: an unauthenticated trivial route, the health
// check, and two authenticated reads. Run alone: `npx tsx bench/http.ts` (BENCH_DURATION seconds per route, default 10).
import { pathToFileURL } from "node:url";
import autocannon from "autocannon";
import { profileAuth, type AuthProfile } from "./auth-profile";
import { startBenchServer } from "./server";
import type { BenchRow } from "./measure";

export type RouteResult = { id: string; route: string; requestsPerSecond: number; p50: number; p99: number; non2xx: number; errors: number };
export type HttpBenchResult = { routes: RouteResult[]; ratios: Record<string, number>; auth?: AuthProfile };

type Scenario = { id: string; route: string; path: string; auth: boolean };

const SCENARIOS: Scenario[] = [
  // Through the same route-handler plumbing, refused offline (no key: no HMAC, no database): the trivial baseline.
  { id: "t", route: "GET /v4/sources without a key → 401 (no DB)", path: "/v4/sources", auth: false },
  { id: "a", route: "GET /v4/health (SELECT 1)", path: "/v4/health", auth: false },
  { id: "b", route: "GET /v4/source-types (key)", path: "/v4/source-types", auth: true },
  { id: "c", route: "GET /v4/sources, 20 sources (key)", path: "/v4/sources", auth: true },
];

function load(url: string, headers: Record<string, string>, duration: number, connections: number): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon({ url, headers, duration, connections }, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

// Start a fresh server, load each route for `duration` seconds, stop it; profile the key check when (b)/(a) < 0.9.
export async function runHttpBench(options: { duration?: number; connections?: number; profile?: boolean } = {}): Promise<HttpBenchResult> {
  const duration = options.duration ?? Number(process.env.BENCH_DURATION ?? 10);
  const connections = options.connections ?? 10;
  const server = await startBenchServer({ sources: 20 });
  const routes: RouteResult[] = [];
  try {
    for (const s of SCENARIOS) {
      const headers: Record<string, string> = s.auth ? { authorization: `Bearer ${server.key}` } : {};
      await load(server.url + s.path, headers, 1, connections); // warm-up: first compilation of the route's chunks
      const r = await load(server.url + s.path, headers, duration, connections);
      routes.push({ id: s.id, route: s.route, requestsPerSecond: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors });
    }
  } finally {
    await server.stop();
  }
  const rps = (id: string) => routes.find((r) => r.id === id)!.requestsPerSecond;
  const ratios = { "b/a": rps("b") / rps("a"), "c/a": rps("c") / rps("a"), "a/t": rps("a") / rps("t"), "b/t": rps("b") / rps("t"), "c/t": rps("c") / rps("t") };
  const auth = (options.profile ?? true) && ratios["b/a"] < 0.9 ? await profileAuth(server.databaseUrl, server.key, server.pepper) : undefined;
  return { routes, ratios, auth };
}

export function printHttpBench({ routes, ratios, auth }: HttpBenchResult): void {
  console.log("\nHTTP (next start, SQLite, 10 connections)");
  console.table(routes.map((r) => ({ "": r.id, route: r.route, "req/s": Math.round(r.requestsPerSecond), "p50 ms": r.p50, "p99 ms": r.p99, non2xx: r.non2xx, errors: r.errors })));
  console.table(Object.fromEntries(Object.entries(ratios).map(([k, v]) => [k, { ratio: Number(v.toFixed(2)) }])));
  if (auth) {
    console.log("(b)/(a) < 0.9: where a key check's time goes (in-process, sequential, per call)");
    console.table(auth.steps.map((s) => ({ step: s.step, "µs/call": Math.round(s.microseconds), "SQL statements/call": Number(s.statements.toFixed(2)) })));
    console.log("The key lookup's SQL, one statement per line:");
    for (const q of auth.lookupSql) console.log(`  ${q.replace(/\s+/g, " ").slice(0, 200)}`);
  }
}

// For `npm run bench`: the routes as table rows, each against (a) /v4/health measured in the same run.
export async function run(): Promise<BenchRow[]> {
  const result = await runHttpBench();
  printHttpBench(result);
  const health = result.routes.find((r) => r.id === "a")!.requestsPerSecond;
  return result.routes.map((r) => ({
    bench: "http",
    variant: `(${r.id}) ${r.route}`,
    callsPerSecond: r.requestsPerSecond,
    value: `p50 ${r.p50} ms, p99 ${r.p99} ms`,
    ratio: r.requestsPerSecond / health,
  }));
}

export async function main(): Promise<HttpBenchResult> {
  const result = await runHttpBench();
  printHttpBench(result);
  return result;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}

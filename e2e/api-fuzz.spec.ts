// Property-based fuzzing of the Connect API: thousands of random requests, no 5xx, errors in the one shape,
// and no change to another account's data (nor to the fuzzer's own, unless a request was accepted).
import fc from "fast-check";
import { expect, test, createAccount, createKey } from "./support/fixtures";
import { freshAddress, POSTGRES_SOURCE } from "./support/api";
import type { Db } from "../lib/db/factory";

const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);

async function snapshot(db: Db, accountId: number) {
  const [sources, destinations, keys] = await Promise.all([
    db.source.findMany({ where: { accountId }, orderBy: { id: "asc" } }),
    db.destination.findMany({ where: { accountId }, orderBy: { id: "asc" } }),
    db.apiKey.findMany({ where: { accountId }, orderBy: { id: "asc" }, select: { id: true, status: true, description: true } }),
  ]);
  return JSON.stringify({ sources, destinations, keys });
}

test("random requests never produce a 5xx or change data they must not", async ({ request, db }) => {
  test.setTimeout(240_000);
  const fuzzer = await createAccount(db);
  const victim = await createAccount(db);
  const fuzzKey = (await createKey(db, fuzzer)).plaintext;
  const victimKey = (await createKey(db, victim)).plaintext;
  const auth = { Authorization: `Bearer ${victimKey}`, "Content-Type": "application/json" };
  const victimSource = await (await request.post("/v4/sources", { headers: auth, data: POSTGRES_SOURCE })).json();
  const victimDestination = await (
    await request.post("/v4/destinations", { headers: auth, data: { type: "postgres", properties: { host: "h", port: "1", username: "u", database: "d", password: "p", ssl: false } } })
  ).json();
  const ownSource = await (await request.post("/v4/sources", { headers: { ...auth, Authorization: `Bearer ${fuzzKey}` }, data: POSTGRES_SOURCE })).json();
  await new Promise((r) => setTimeout(r, 500)); // let the sources' connection checks (to a closed port) finish
  const victimBefore = await snapshot(db, victim.id);
  const fuzzerBefore = await snapshot(db, fuzzer.id);

  const segment = fc.oneof(
    fc.constantFrom(String(victimSource.id), String(victimDestination.id), String(ownSource.id), "0", "-1", "1e3", "999999999999999999999", "..", "%2e%2e", "null"),
    fc.string({ maxLength: 30 }).map(encodeURIComponent),
    fc.integer().map(String),
  );
  const path = fc.oneof(
    fc.tuple(fc.constantFrom("sources", "destinations", "source-types", "health", "openapi.json", "nope"), fc.option(segment, { nil: undefined }), fc.option(segment, { nil: undefined })).map(
      ([resource, a, b]) => ["/v4", resource, a, b].filter((p) => p !== undefined).join("/"),
    ),
    fc.string({ maxLength: 40 }).map((s) => `/v4/${encodeURIComponent(s)}`),
  );
  const authorization = fc.oneof(
    fc.constant(`Bearer ${fuzzKey}`),
    fc.constant(`Bearer ${victimKey.slice(0, -2)}zz`),
    fc.string({ maxLength: 80 }).map((s) => `Bearer ${s.replace(/[^\x20-\x7e]/g, "")}`),
    fc.constant(undefined),
  );
  const body = fc.oneof(
    fc.json({ maxDepth: 3 }),
    fc.record({ display_name: fc.string(), type: fc.constantFrom("platform.postgres", "postgres", ""), properties: fc.dictionary(fc.string(), fc.string()) }).map((o) => JSON.stringify(o)),
    fc.record({ paused_at: fc.oneof(fc.string(), fc.constant(null)), display_name: fc.string() }, { requiredKeys: [] }).map((o) => JSON.stringify(o)),
    fc.string({ maxLength: 200 }),
    fc.constant(undefined),
  );
  const contentType = fc.constantFrom("application/json", "application/json; charset=utf-8", "text/plain", "application/x-www-form-urlencoded", undefined);
  const method = fc.constantFrom("GET", "POST", "PUT", "DELETE", "PATCH");

  let acceptedWrite = false;
  const address = freshAddress();
  await fc.assert(
    fc.asyncProperty(method, path, authorization, contentType, body, async (verb, url, auth, type, data) => {
      const headers: Record<string, string> = { "X-Forwarded-For": address };
      if (auth !== undefined) headers.Authorization = auth;
      if (type !== undefined) headers["Content-Type"] = type;
      const response = await request.fetch(url, { method: verb, headers, data, failOnStatusCode: false, maxRedirects: 0 });
      const status = response.status();
      expect(status, `${verb} ${url} → ${status}`).toBeLessThan(500);
      if (status >= 400) {
        const parsed = await response.json().catch(() => null);
        expect(parsed?.error?.type, `${verb} ${url} → ${status} without the error shape`).toEqual(expect.any(String));
      }
      if (status < 300 && verb !== "GET") acceptedWrite = true;
    }),
    { numRuns: RUNS },
  );

  expect(await snapshot(db, victim.id)).toBe(victimBefore);
  if (!acceptedWrite) expect(await snapshot(db, fuzzer.id)).toBe(fuzzerBefore);
});

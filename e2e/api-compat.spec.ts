// The original's remaining endpoints: destination types, Import API tokens (a documented refusal), and no
// HTML page for any path under /v4 or /notifications, whatever the verb.
import { expect, test, createAccount, createKey } from "./support/fixtures";
import { apiAs, errorOf, freshAddress, POSTGRES_SOURCE } from "./support/api";
import { destinationTypeSchema } from "../lib/validation/destination-types";

test("destination types: the list and postgres, as documented", async ({ request, db }) => {
  const api = apiAs(request, (await createKey(db, await createAccount(db))).plaintext);
  const list = await api.get("/v4/destination-types");
  expect(list.status()).toBe(200);
  const types = ((await list.json()) as unknown[]).map((t) => destinationTypeSchema.parse(t));
  expect(types.map((t) => t.type)).toContain("postgres");

  const one = await api.get("/v4/destination-types/postgres");
  expect(one.status()).toBe(200);
  const postgres = destinationTypeSchema.parse(await one.json());
  expect(postgres).toMatchObject({ type: "postgres", current_step: 1, current_step_type: "form", details: { protocol: "postgres", access: true } });
  expect(postgres.steps.map((s) => s.type)).toEqual(["form", "fully_configured"]);
  const form = Object.fromEntries(postgres.steps[0].properties.map((p) => [p.name, p]));
  expect(Object.keys(form).sort()).toEqual(["database", "encryption_host", "encryption_port", "encryption_type", "encryption_username", "host", "password", "port", "ssl", "sslrootcert", "username"]);
  expect(form.port.json_schema).toEqual({ type: "string", pattern: "^\\d+$" });
  expect(form.ssl.json_schema).toEqual({ type: "boolean" });
  // Only "none": SSH tunnels are not available yet (docs/connect-api.md, Compatibility).
  expect(form.encryption_type.json_schema).toEqual({ type: "string", pattern: "^none$" });
  expect(form.password).toMatchObject({ is_credential: true, is_required: true, system_provided: false, tap_mutable: false, provided: false });
  expect(form.sslrootcert.is_required).toBe(false);

  const unknown = await api.get("/v4/destination-types/redshift");
  expect(unknown.status()).toBe(404);
  expect((await errorOf(unknown)).type).toBe("NotFound");
});

test("Import API tokens answer a documented error in the one shape", async ({ request, db }) => {
  const api = apiAs(request, (await createKey(db, await createAccount(db))).plaintext);
  const source = await (await api.post("/v4/sources", POSTGRES_SOURCE)).json();
  for (const response of [await api.get(`/v4/sources/${source.id}/tokens`), await api.post(`/v4/sources/${source.id}/tokens`, {}), await api.delete(`/v4/sources/${source.id}/tokens/5`)]) {
    expect(response.status()).toBe(400);
    const error = await errorOf(response);
    expect(error.type).toBe("ImportApiNotSupported");
    expect(error.message).toMatch(/Import API/);
  }
  const stranger = apiAs(request, (await createKey(db, await createAccount(db))).plaintext);
  expect((await stranger.get(`/v4/sources/${source.id}/tokens`)).status()).toBe(404);
  expect((await errorOf(await api.get("/v4/sources/abc/tokens"))).type).toBe("InvalidId");
  expect((await errorOf(await api.delete(`/v4/sources/${source.id}/tokens/x`))).type).toBe("InvalidId");
});

const UNKNOWN_PATHS = [
  "/v4",
  "/v4/nope",
  "/v4/sources/1/nope",
  "/v4/sources/1/streams/2/fields",
  "/v4/destination-types/postgres/extra",
  "/v4/a/b/c/d/e/f/g",
  "/v4/%E2%9C%93",
  "/v4/..%2f..%2fetc%2fpasswd",
  "/v4/sources/1/tokens/2/3",
  "/notifications",
  "/notifications/public",
  "/notifications/public/v1/api",
  "/notifications/public/v1/api/unknown",
  "/notifications/public/v1/api/hooks/1/unknown",
  "/notifications/public/v2/api/hooks",
];
const VERBS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

test("no HTML for unknown paths under /v4 and /notifications: JSON 404 with a key, JSON 401 without", async ({ request, db }) => {
  const key = (await createKey(db, await createAccount(db))).plaintext;
  const address = freshAddress();
  for (const path of UNKNOWN_PATHS) {
    for (const method of VERBS) {
      for (const withKey of [true, false]) {
        const headers: Record<string, string> = { "X-Forwarded-For": withKey ? address : freshAddress() };
        if (withKey) headers.Authorization = `Bearer ${key}`;
        const response = await request.fetch(path, { method, headers, failOnStatusCode: false });
        const what = `${method} ${path} ${withKey ? "with" : "without"} a key`;
        expect(response.status(), what).toBe(withKey ? 404 : 401);
        expect(response.headers()["content-type"], what).toMatch(/^application\/json/);
        if (method !== "HEAD") expect((await errorOf(response)).type, what).toBe(withKey ? "NotFound" : "Unauthorized");
      }
    }
  }
});

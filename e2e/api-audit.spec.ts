// GET /v4/audit-events over HTTP: the key's account's events only, newest first, paged like the original's lists.
import type { APIRequestContext } from "@playwright/test";
import { setApiKeyStatus } from "../lib/api-keys/service";
import { auditEventsPageSchema } from "../lib/validation/audit";
import { expect, test, createAccount, createKey, PASSWORD } from "./support/fixtures";
import { apiAs, errorOf, freshAddress } from "./support/api";

type Page = { data: { id: number; action: string; actor: { label: string }; target: { label: string } | null }[]; page: number; total: number; links: { next?: string; previous?: string } };

// A sign-in attempt with a wrong password, through the NextAuth endpoints (recorded as signin.failed).
async function failSignIn(request: APIRequestContext, email: string, password: string) {
  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
  await request.post("/api/auth/callback/credentials", { form: { csrfToken, email, password }, maxRedirects: 0 });
}

test("the key's account's events, newest first, with no key or password in them", async ({ request, db }) => {
  const account = await createAccount(db, { members: 2 });
  const first = await createKey(db, account, 0, "Audit reader");
  const second = await createKey(db, account, 1, "Nightly loader");
  const owner = await db.user.findUniqueOrThrow({ where: { email: account.emails[0] } });
  expect((await setApiKeyStatus(db, { accountId: account.id, userId: owner.id }, second.key.id, "disabled")).ok).toBe(true);
  const wrongPassword = `wrong-${first.plaintext.slice(-12)}`;
  await failSignIn(request, account.emails[1], wrongPassword);
  // Another account's events must never show.
  const other = await createAccount(db);
  const foreign = await createKey(db, other, 0, "Foreign key description");

  const response = await apiAs(request, first.plaintext).get("/v4/audit-events");
  expect(response.status()).toBe(200);
  const text = await response.text();
  const body = auditEventsPageSchema.parse(JSON.parse(text)) as Page;
  expect(body.page).toBe(1);
  expect(body.links).toEqual({});
  expect(body.data.map((e) => e.action)).toEqual(["signin.failed", "key.disabled", "key.created", "key.created"]);
  expect(body.total).toBe(4);
  expect(body.data.map((e) => e.id)).toEqual([...body.data.map((e) => e.id)].sort((a, b) => b - a));
  expect(body.data[0].target?.label).toBe(account.emails[1]);
  expect(body.data[1].actor.label).toBe(account.emails[0]);
  expect(body.data[1].target?.label).toContain(second.key.last4);
  expect(body.data[3].target?.label).toContain("Audit reader");

  for (const secret of [first.plaintext, second.plaintext, foreign.plaintext, wrongPassword, PASSWORD]) expect(text).not.toContain(secret);
  expect(text).not.toContain("Foreign key description");
  expect(text).not.toContain(other.emails[0]);
});

test("pages of 100 with relative next/previous links; bad pages get a 400", async ({ request, db }) => {
  const account = await createAccount(db);
  const key = await createKey(db, account, 0, "Pager");
  await db.auditEvent.createMany({
    data: Array.from({ length: 204 }, (_, i) => ({ accountId: account.id, action: "member.invited", actorType: "system", actorLabel: "fixture", targetType: "member", targetLabel: `n${i}@example.test` })),
  });
  const api = apiAs(request, key.plaintext);

  const seen: number[] = [];
  const pages: Page[] = [];
  for (let path: string | undefined = "/v4/audit-events"; path; ) {
    const response = await api.get(path);
    expect(response.status(), path).toBe(200);
    const page = auditEventsPageSchema.parse(await response.json()) as Page;
    pages.push(page);
    seen.push(...page.data.map((e) => e.id));
    path = page.links.next;
  }
  expect(pages.map((p) => [p.page, p.data.length, p.total])).toEqual([[1, 100, 205], [2, 100, 205], [3, 5, 205]]);
  expect(pages.map((p) => p.links)).toEqual([
    { next: "/v4/audit-events?page=2" },
    { next: "/v4/audit-events?page=3", previous: "/v4/audit-events?page=1" },
    { previous: "/v4/audit-events?page=2" },
  ]);
  expect(new Set(seen).size).toBe(205);
  expect(seen).toEqual([...seen].sort((a, b) => b - a));
  expect(pages[2].data.at(-1)?.action).toBe("key.created");

  const past = (await (await api.get("/v4/audit-events?page=9")).json()) as Page;
  expect(past.data).toEqual([]);
  expect(past.links).toEqual({ previous: "/v4/audit-events?page=3" });

  for (const bad of ["0", "-1", "abc", "1.5", "", "100001", "1e3"]) {
    const response = await api.get(`/v4/audit-events?page=${encodeURIComponent(bad)}`);
    expect(response.status(), `page=${bad}`).toBe(400);
    expect((await errorOf(response)).type).toBe("InvalidQuery");
  }
});

test("without a valid key: 401; the OpenAPI document describes the endpoint", async ({ request }) => {
  const refused = await request.get("/v4/audit-events", { headers: { "X-Forwarded-For": freshAddress() } });
  expect(refused.status()).toBe(401);
  expect((await errorOf(refused)).type).toBe("Unauthorized");

  const doc = await (await request.get("/v4/openapi.json")).json();
  const op = doc.paths["/v4/audit-events"].get;
  expect(op.responses["200"].content["application/json"].schema).toEqual({ $ref: "#/components/schemas/AuditEventsPage" });
  expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(["400", "401"]));
  expect(doc.paths["/v4/audit-events"].parameters).toEqual([expect.objectContaining({ name: "page", in: "query" })]);
  expect(doc.components.schemas.AuditEventsPage.properties.data.items).toEqual({ $ref: "#/components/schemas/AuditEvent" });
});

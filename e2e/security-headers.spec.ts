// Security headers of the console pages, and the flags of next-auth's session cookie.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, createAccount, signIn, PASSWORD } from "./support/fixtures";
import { E2E_PORT, E2E_SECRETS_FILE, e2eDatabaseUrl } from "./support/env";
import { signInOverHttp } from "../tests/helpers/http-session";

function expectHardened(headers: Record<string, string>) {
  const csp = headers["content-security-policy"];
  expect(csp).toBeTruthy();
  expect(csp).not.toContain("unsafe-eval");
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-content-type-options"]).toBe("nosniff");
}

test("/login and /settings/account carry the CSP and hardening headers, with a fresh nonce each time", async ({ page, db }) => {
  const login = await page.goto("/login");
  const first = await login!.allHeaders();
  expectHardened(first);
  const again = await (await page.request.get("/login")).headers();
  expect(again["content-security-policy"]).not.toBe(first["content-security-policy"]);

  const account = await createAccount(db);
  await signIn(page, account.emails[0]);
  const settings = await page.goto(`/${account.slug}/settings/account`);
  expectHardened(await settings!.allHeaders());
});

test("the page works under its CSP: no violation is reported and the client islands run", async ({ page, db }) => {
  const violations: string[] = [];
  page.on("console", (m) => { if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text()); });
  const account = await createAccount(db);
  await signIn(page, account.emails[0]);
  await page.goto(`/${account.slug}/settings/account`);
  await page.getByRole("button", { name: "Generate a Key" }).click();
  await expect(page.getByRole("dialog", { name: "Configure Your API Access Key" })).toBeVisible();
  expect(violations).toEqual([]);
});

test("the session cookie is HttpOnly and SameSite=Lax (Secure only over https, see the next test)", async ({ db, baseURL }) => {
  const account = await createAccount(db);
  const res = await fetch(`${baseURL}/api/auth/csrf`);
  expect(res.headers.getSetCookie().join("\n")).toMatch(/next-auth\.csrf-token=.*HttpOnly.*SameSite=Lax/i);
  const session = await signInOverHttp(baseURL!, account.emails[0], PASSWORD);
  expect(session.cookies.map((c) => c.name)).toContain("next-auth.session-token");
});

test("with an https NEXTAUTH_URL, as in production, the session cookie is __Secure-, Secure, HttpOnly, SameSite=Lax", async ({ db }) => {
  test.setTimeout(90_000);
  const account = await createAccount(db);
  const port = E2E_PORT + 50;
  const secrets = JSON.parse(readFileSync(E2E_SECRETS_FILE, "utf8"));
  const env = { ...process.env, ...secrets, DATABASE_URL: e2eDatabaseUrl(), NEXTAUTH_URL: `https://localhost:${port}`, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" };
  const server = spawn(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "start", "-p", String(port)], { env, stdio: "ignore" });
  try {
    const base = `http://localhost:${port}`;
    await expect.poll(() => fetch(`${base}/api/auth/csrf`).then((r) => r.status, () => 0), { timeout: 60_000 }).toBe(200);
    const csrf = await fetch(`${base}/api/auth/csrf`);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const csrfCookie = csrf.headers.getSetCookie()[0].split(";")[0];
    const res = await fetch(`${base}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
      body: new URLSearchParams({ csrfToken, email: account.emails[0], password: PASSWORD }),
    });
    const sessionCookie = res.headers.getSetCookie().find((c) => c.startsWith("__Secure-next-auth.session-token="));
    expect(sessionCookie).toBeDefined();
    expect(sessionCookie).toMatch(/;\s*HttpOnly/i);
    expect(sessionCookie).toMatch(/;\s*Secure/i);
    expect(sessionCookie).toMatch(/;\s*SameSite=Lax/i);
  } finally {
    server.kill("SIGTERM");
  }
});

// Sign in through next-auth's credentials endpoints over plain HTTP, then send requests with that session
// to any instance (JWT sessions: a cookie issued by one instance is valid on every instance with the same secret).
export type Cookie = { name: string; value: string };

export type HttpSession = {
  email: string;
  cookies: Cookie[];
  // Fetch baseUrl + path with the session cookie; redirects are returned, not followed.
  fetch: (baseUrl: string, path: string, init?: RequestInit) => Promise<Response>;
  // The cookies in the shape of Playwright's context.addCookies, for a browser on that instance.
  playwrightCookies: (baseUrl: string) => { name: string; value: string; url: string }[];
};

type Jar = Map<string, string>;

function store(jar: Jar, res: Response): void {
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const eq = pair.indexOf("=");
    const name = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1).trim();
    if (!value || /max-age=0/i.test(line)) jar.delete(name);
    else jar.set(name, value);
  }
}

function cookieHeader(jar: Jar): string {
  return [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
}

// Sign in as email on baseUrl; throws when next-auth does not issue a session cookie.
export async function signInOverHttp(baseUrl: string, email: string, password: string): Promise<HttpSession> {
  const jar: Jar = new Map();
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  store(jar, csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(jar) },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${baseUrl}/` }),
  });
  store(jar, res);
  if (![...jar.keys()].some((name) => name.includes("next-auth.session-token"))) {
    throw new Error(`sign-in as ${email} on ${baseUrl} failed: ${res.status} → ${res.headers.get("location") ?? "(no redirect)"}`);
  }
  const session: HttpSession = {
    email,
    get cookies() {
      return [...jar].map(([name, value]) => ({ name, value }));
    },
    fetch: async (url, path, init = {}) => {
      const headers = new Headers(init.headers);
      headers.set("cookie", cookieHeader(jar));
      const response = await fetch(`${url}${path}`, { redirect: "manual", ...init, headers });
      store(jar, response);
      return response;
    },
    playwrightCookies: (url) => session.cookies.map((c) => ({ ...c, url })),
  };
  return session;
}

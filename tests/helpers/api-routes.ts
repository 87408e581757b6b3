// Connect API requests through the real route handlers, with a real key on a fresh database: what a client
// sends (method, path, JSON body, bearer key) and what it reads back (status, JSON), without a server.
import { createApiKey } from "@/lib/api-keys/service";
import type { Db } from "@/lib/db-client";
import { seedAccount } from "./accounts";
import { freshDb } from "./db";

type Handler = (request: Request, route: { params: Promise<Record<string, string>> }) => Response | Promise<Response>;
type RouteModule = Partial<Record<"GET" | "POST" | "PUT" | "PATCH" | "DELETE", Handler>>;

export type ApiAnswer = { status: number; body: any };
export type ApiClient = {
  workspaceId: number;
  send: (route: RouteModule, method: keyof RouteModule, path: string, params?: Record<string, string>, body?: unknown) => Promise<ApiAnswer>;
};

// A fresh database that the route handlers use (lib/db reads it from globalThis outside production, the key
// store from DATABASE_URL). Call it before importing any route module.
export async function apiDatabase(): Promise<Db> {
  const { db, url } = await freshDb();
  (globalThis as { bobbinDb?: Db }).bobbinDb = db;
  process.env.DATABASE_URL = url;
  return db;
}

// A new account and an API key of it; `send` calls a route module's handler as Next would.
export async function apiClient(db: Db): Promise<ApiClient> {
  const account = await seedAccount(db);
  const made = await createApiKey(db, { workspaceId: account.workspaceId, userId: account.users[0].id }, "routes", process.env.API_KEY_HMAC_SECRET!);
  if (!made.ok) throw new Error("no key");
  const token = made.value.plaintext;
  return {
    workspaceId: account.workspaceId,
    async send(route, method, path, params = {}, body) {
      const handler = route[method];
      if (!handler) throw new Error(`no ${method} handler`);
      const headers: Record<string, string> = { authorization: `Bearer ${token}` };
      if (body !== undefined) headers["content-type"] = "application/json";
      const request = new Request(`http://localhost${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      const response = await handler(request, { params: Promise.resolve(params) });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : null };
    },
  };
}

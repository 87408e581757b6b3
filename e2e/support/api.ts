// Connect API calls for the specs: a key's client over Playwright's request context, and fresh client addresses.
import { randomBytes } from "node:crypto";
import type { APIRequestContext, APIResponse } from "@playwright/test";

// A client address of its own (X-Forwarded-For), so that one spec's failed attempts never rate-limit another's.
export function freshAddress(): string {
  const b = randomBytes(3);
  return `10.${b[0]}.${b[1]}.${b[2]}`;
}

export type Api = {
  get(path: string): Promise<APIResponse>;
  post(path: string, body: unknown): Promise<APIResponse>;
  put(path: string, body: unknown): Promise<APIResponse>;
  delete(path: string): Promise<APIResponse>;
};

// Requests sent with `Authorization: Bearer <key>` from one client address.
export function apiAs(request: APIRequestContext, key: string, address = freshAddress()): Api {
  const headers = { Authorization: `Bearer ${key}`, "X-Forwarded-For": address };
  return {
    get: (path) => request.get(path, { headers }),
    post: (path, body) => request.post(path, { headers, data: body }),
    put: (path, body) => request.put(path, { headers, data: body }),
    delete: (path) => request.delete(path, { headers }),
  };
}

// The body of an error answer, checked to have the one error shape.
export async function errorOf(response: APIResponse): Promise<{ type: string; message: string; fields?: Record<string, string> }> {
  const body = await response.json();
  if (!body?.error?.type || !body?.error?.message) throw new Error(`not the error shape: ${JSON.stringify(body)}`);
  return body.error;
}

export const POSTGRES_SOURCE = {
  display_name: "Orders DB",
  type: "platform.postgres",
  properties: { host: "127.0.0.1", port: "1", dbname: "orders", user: "reader", password: "s3cret-Pa55word!" },
};

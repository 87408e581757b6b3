// Every /v4 route file serves exactly the routes the OpenAPI document lists, each under its contract's path.
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/http/openapi";
import type { Contract } from "@/lib/http/contract";

const ROOT = path.resolve(import.meta.dirname, "../app/v4");
const VERBS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

// app/v4/sources/[source_id]/route.ts → /v4/sources/{source_id}; the catch-all ([...path]) is no route of its own.
function routeFiles(dir = ROOT): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name.startsWith("[...") ? [] : routeFiles(full);
    return e.name === "route.ts" ? [full] : [];
  });
}

const apiPath = (file: string) => "/" + path.relative(path.resolve(ROOT, ".."), path.dirname(file)).split(path.sep).join("/").replace(/\[([^\]]+)\]/g, "{$1}");

async function served(): Promise<{ route: string; file: string; contract?: Contract }[]> {
  const found = [];
  for (const file of routeFiles()) {
    const mod = (await import(file)) as Record<string, unknown>;
    for (const verb of VERBS) {
      const handler = mod[verb] as { contract?: Contract; notOffered?: true } | undefined;
      // Verbs a path does not offer answer 405 and carry no contract.
      if (!handler || handler.notOffered) continue;
      found.push({ route: `${verb.toLowerCase()} ${apiPath(file)}`, file, contract: handler.contract });
    }
  }
  return found;
}

describe("route contracts", () => {
  it("each route handler has a contract whose method and path are the route's own", async () => {
    const routes = await served();
    expect(routes.length).toBeGreaterThan(10);
    for (const { route, file, contract } of routes) {
      expect(contract, `${path.relative(ROOT, file)} (${route}) has no contract: wrap it in route() or openRoute()`).toBeDefined();
      expect(`${contract!.method} ${contract!.path}`).toBe(route);
    }
  });

  it("the OpenAPI document lists every served route, and serves every route it lists", async () => {
    const routes = (await served()).map((r) => r.route).sort();
    const paths = (openApiDocument() as { paths: Record<string, Record<string, unknown>> }).paths;
    const documented = Object.entries(paths).flatMap(([p, ops]) => Object.keys(ops).filter((k) => k !== "parameters").map((verb) => `${verb} ${p}`)).sort();
    expect(documented).toEqual(routes);
  });
});

// Every API route file serves declared contracts, and the OpenAPI document lists exactly those routes: a route the
// document lacks, a documented path+verb without a route, or a contract served under another path fails here.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { validate } from "@readme/openapi-parser";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/http/openapi";
import type { Served } from "@/lib/http/serve";

process.env.DATA_ENCRYPTION_KEY ??= "d".repeat(44);
process.env.API_KEY_HMAC_SECRET ??= "test-pepper-0123456789-0123456789-abcdef";

const ROOT = path.resolve(import.meta.dirname, "..");
const TREES = ["app/v4", "app/notifications/public/v1/api"];
const VERBS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

// route.ts files under a folder, catch-alls ([[...path]]) excepted.
function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name.startsWith("[[...") ? [] : routeFiles(full);
    return name === "route.ts" ? [full] : [];
  });
}

// The URL path of a route file: app/v4/sources/[source_id]/route.ts → /v4/sources/{source_id}.
const urlPath = (file: string) =>
  "/" + path.relative(path.join(ROOT, "app"), path.dirname(file)).split(path.sep).map((part) => part.replace(/^\[(.+)\]$/, "{$1}")).join("/");

async function servedRoutes(): Promise<string[]> {
  const found: string[] = [];
  for (const file of TREES.flatMap((tree) => routeFiles(path.join(ROOT, tree)))) {
    const routeModule = (await import(file)) as Record<string, unknown>;
    for (const verb of VERBS) {
      const handler = routeModule[verb] as Partial<Served> | undefined;
      expect(handler, `${file} exports ${verb}`).toBeTypeOf("function");
      if (!handler?.contract) continue;
      // The contract a file serves is declared for that file's path and that verb.
      expect(`${handler.contract.method} ${handler.contract.path}`).toBe(`${verb} ${urlPath(file)}`);
      found.push(`${verb} ${urlPath(file)}`);
    }
  }
  return found.sort();
}

function documentedRoutes(): string[] {
  const doc = openApiDocument() as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(doc.paths)
    .flatMap(([p, item]) => Object.keys(item).filter((k) => VERBS.includes(k.toUpperCase() as never)).map((verb) => `${verb.toUpperCase()} ${p}`))
    .sort();
}

describe("route contracts and the OpenAPI document", () => {
  it("document every route that exists, and only those", async () => {
    const served = await servedRoutes();
    expect(served.length).toBeGreaterThan(30);
    expect(documentedRoutes()).toEqual(served);
  });

  it("make a valid OpenAPI 3.1 document: key routes name 401, 429 and (on writes) 403; open routes need no key", async () => {
    const doc = openApiDocument() as { paths: Record<string, Record<string, { security?: unknown[]; responses: Record<string, unknown> }>> };
    const result = await validate(structuredClone(doc) as never);
    expect(result.valid, JSON.stringify(result)).toBe(true);
    expect(Object.keys(doc.paths["/v4/sources/{source_id}"].put.responses)).toEqual(["200", "400", "401", "403", "404", "429"]);
    expect(Object.keys(doc.paths["/v4/sources"].get.responses)).toEqual(["200", "401", "429"]);
    expect(doc.paths["/v4/health"].get.security).toEqual([]);
    expect(Object.keys(doc.paths["/v4/{stitch_client_id}/extractions/{job_name}"].get.responses)).toContain("302");
  });
});

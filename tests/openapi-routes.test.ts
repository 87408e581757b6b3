// The OpenAPI document and the route files agree: every route file's verb is documented, and every documented
// path and verb has a route file answering it (the catch-all 404s excepted).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { validate } from "@readme/openapi-parser";
import { openApiDocument } from "@/lib/http/openapi";

const ROOTS = ["app/v4", "app/notifications/public/v1/api"];
const VERBS = ["GET", "POST", "PUT", "PATCH", "DELETE"];

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name.startsWith("[[...") ? [] : routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

// The verbs a route file answers itself (not the 405s of otherVerbs), as "get /v4/sources/{}".
function answeredIn(file: string): string[] {
  const source = readFileSync(file, "utf8");
  const refused = new Set(source.match(/export const \{([^}]*)\} = otherVerbs/)?.[1].split(",").map((v) => v.trim()) ?? []);
  const exported = [
    ...source.matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g),
    ...source.matchAll(/\bas (GET|POST|PUT|PATCH|DELETE)\b/g),
  ].map((m) => m[1]);
  const route = "/" + path.dirname(file).split(path.sep).slice(1).join("/").replace(/\[[^\]]+\]/g, "{}");
  return exported.filter((verb) => VERBS.includes(verb) && !refused.has(verb)).map((verb) => `${verb.toLowerCase()} ${route}`);
}

function documented(): string[] {
  const paths = (openApiDocument() as { paths: Record<string, Record<string, unknown>> }).paths;
  return Object.entries(paths).flatMap(([route, item]) =>
    Object.keys(item)
      .filter((key) => VERBS.includes(key.toUpperCase()))
      .map((verb) => `${verb} ${route.replace(/\{[^}]+\}/g, "{}")}`),
  );
}

describe("the OpenAPI document and the routes", () => {
  it("documents every route file's verbs, and nothing without a route", () => {
    const routes = ROOTS.flatMap(routeFiles).flatMap(answeredIn).sort();
    expect(routes.length).toBeGreaterThan(30);
    expect(documented().sort()).toEqual(routes);
  });

  it("is a valid OpenAPI 3.1 document", async () => {
    const result = await validate(structuredClone(openApiDocument()) as never);
    expect(result.valid, JSON.stringify(result)).toBe(true);
  });
});

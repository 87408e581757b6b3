// Scalar's browser bundle, served from our own node_modules (the reference page works offline, no CDN).
import { readFile } from "node:fs/promises";
import { join } from "node:path";

export const dynamic = "force-static";

const BUNDLE = join(process.cwd(), "node_modules", "@scalar", "api-reference", "dist", "browser", "standalone.js");

export async function GET() {
  return new Response(await readFile(BUNDLE), {
    headers: { "Content-Type": "text/javascript; charset=utf-8", "Cache-Control": "public, max-age=86400", "X-Content-Type-Options": "nosniff" },
  });
}

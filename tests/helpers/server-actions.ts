// Call a page's server action over plain HTTP, as the browser does: POST to the page with its Next-Action id
// and the arguments encoded by React's encodeReply (Next's own copy). The ids come from the build's manifest.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { HttpSession } from "./http-session";

const require = createRequire(path.resolve("package.json"));
const { encodeReply } = require("next/dist/compiled/react-server-dom-turbopack/client.node") as {
  encodeReply: (value: unknown) => Promise<string | FormData>;
};

type Manifest = { node: Record<string, { filename: string; exportedName: string }> };

// The action id of `exportedName` in `filename` (e.g. "app/(app)/[account]/settings/account/actions.ts") in the current build.
export function actionId(filename: string, exportedName: string, buildDir = ".next"): string {
  const manifest = JSON.parse(readFileSync(path.resolve(buildDir, "server/server-reference-manifest.json"), "utf8")) as Manifest;
  const found = Object.entries(manifest.node).find(([, a]) => a.filename === filename && a.exportedName === exportedName);
  if (!found) throw new Error(`no server action ${exportedName} in ${filename} in this build`);
  return found[0];
}

export type ActionOutcome = { status: number; result: { ok: boolean; error?: string; data?: unknown } | null; body: string };

// One call of action(previous, form) on the page at baseUrl + pagePath, with the session's cookie (no previous result,
// as a form's first submission sends).
export async function callAction(session: HttpSession, baseUrl: string, pagePath: string, id: string, fields: Record<string, string>): Promise<ActionOutcome> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  const body = await encodeReply([null, form]);
  const response = await session.fetch(baseUrl, pagePath, {
    method: "POST",
    body,
    headers: { "Next-Action": id, Accept: "text/x-component", Origin: baseUrl },
  });
  const text = await response.text();
  return { status: response.status, result: resultOf(text), body: text };
}

// The action's return value in the RSC answer: the row holding an {"ok": …} object.
function resultOf(flight: string): ActionOutcome["result"] {
  for (const line of flight.split("\n")) {
    const json = line.slice(line.indexOf(":") + 1);
    if (!json.startsWith('{"ok":')) continue;
    try {
      return JSON.parse(json);
    } catch {
      /* not this row */
    }
  }
  return null;
}

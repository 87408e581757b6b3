// A run's log for a signed-in member: 302 to the same short-lived signed link the API's extraction log redirects to.
import { getSessionUser, loginUrl } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { listMemberships } from "@/lib/auth/membership";
import { signLogToken } from "@/lib/replication/log-links";
import { findSourceRun } from "@/lib/replication/overview";
import { readSecret } from "@/lib/secrets";

const notFound = () => new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });

// The account comes from the path (/{slug}/sources/{id}/log?job=…): a route handler has no layout, so it checks membership itself.
export async function GET(request: Request, { params }: { params: Promise<{ account: string; id: string }> }) {
  const { account, id } = await params;
  const url = new URL(request.url);
  const user = await getSessionUser();
  if (!user) return Response.redirect(new URL(loginUrl(url.pathname + url.search), url), 302);
  const member = (await listMemberships(db, user.id)).find((m) => m.accountSlug === account);
  const sourceId = /^[1-9][0-9]{0,15}$/.test(id) ? Number(id) : NaN;
  const jobName = (url.searchParams.get("job") ?? "").slice(0, 200);
  if (!member || !Number.isSafeInteger(sourceId)) return notFound();
  const run = await findSourceRun(db, member.accountId, sourceId, jobName);
  if (!run) return notFound();
  return new Response(null, { status: 302, headers: { Location: `/v4/job-logs/${signLogToken(run.id, readSecret("API_KEY_HMAC_SECRET"))}`, "Cache-Control": "no-store" } });
}

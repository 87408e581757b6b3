// One stream: its JSON Schema (as a string) and its breadcrumb metadata.
import { getStreamDetail } from "@/lib/connect/stream-access";
import { otherVerbs, route } from "@/lib/http/handler";
import { getStream } from "@/lib/http/routes";
import { streamDetailJson } from "@/lib/http/wire";
import { ok } from "@/lib/result";

export const GET = route(getStream, async ({ params }, ctx) => {
  const stream = await getStreamDetail(ctx.db, ctx.key.accountId, params.source_id, params.stream_id);
  return stream && ok(streamDetailJson(stream));
});

export const { POST, PUT, PATCH, DELETE } = otherVerbs("GET");

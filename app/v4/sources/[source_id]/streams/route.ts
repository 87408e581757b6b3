// The discovered streams (tables and views) of a source, with their stream-level metadata.
import { listStreamSummaries } from "@/lib/connect/stream-access";
import { otherVerbs, route } from "@/lib/http/handler";
import { listStreams } from "@/lib/http/routes";
import { streamSummaryJson } from "@/lib/http/wire";
import { ok } from "@/lib/result";

export const GET = route(listStreams, async ({ params }, ctx) => {
  const streams = await listStreamSummaries(ctx.db, ctx.key.accountId, params.source_id);
  return streams && ok(streams.map(streamSummaryJson));
});

export const { POST, PUT, PATCH, DELETE } = otherVerbs("GET");

// The handlers of the sources' route contracts (lib/http/routes/sources.ts): domain calls, answers serialized.
import "server-only";
import { checkSource, createSource, deleteSource, getSource, listSources, updateSource } from "../../connect/sources";
import { getStreamDetail, lastCheckOf, listStreamSummaries, updateStreamMetadata } from "../../connect/stream-access";
import { apiChangeBy } from "../change-by";
import { refuseImportApiTokens } from "../import-api-tokens";
import * as routes from "../routes/sources";
import { endpoints, serveKey } from "../serve";
import { found, mapped } from "../reply";
import { connectionCheckWire, sourceWire } from "../wire/sources";
import { streamDetailWire, streamSummaryWire } from "../wire/streams";
import { ok } from "../../connect/result";

export { syncEndpoints } from "./sync";

export const sourcesEndpoints = endpoints(
  // Every source of the key's account.
  serveKey(routes.listSources, async (_in, ctx) => ok((await listSources(ctx.db, ctx.key.accountId)).map(sourceWire))),
  // Create a source (its check and discovery start at once when the form is complete).
  serveKey(routes.createSource, async ({ request, body }, ctx) => mapped(await createSource(ctx, ctx.key.accountId, body, await apiChangeBy(request, ctx)), sourceWire)),
);

export const sourceEndpoints = endpoints(
  // One source, also paused or deleted.
  serveKey(routes.getSource, async ({ params }, ctx) => found(await getSource(ctx.db, ctx.key.accountId, params.source_id), "The source", sourceWire)),
  // Change its name, properties or pause state.
  serveKey(routes.updateSource, async ({ request, params, body }, ctx) =>
    mapped(await updateSource(ctx, ctx.key.accountId, params.source_id, body, await apiChangeBy(request, ctx)), sourceWire),
  ),
  // Soft-delete it.
  serveKey(routes.deleteSource, async ({ request, params }, ctx) => mapped(await deleteSource(ctx.db, ctx.key.accountId, params.source_id, await apiChangeBy(request, ctx)), sourceWire)),
);

// Run the connection check and discovery again.
export const checkEndpoints = endpoints(
  serveKey(routes.checkSource, async ({ request, params }, ctx) => mapped(await checkSource(ctx, ctx.key.accountId, params.source_id, await apiChangeBy(request, ctx)), sourceWire)),
);

// The source's last connection check.
export const lastCheckEndpoints = endpoints(
  serveKey(routes.lastConnectionCheck, async ({ params }, ctx) =>
    found(await lastCheckOf(ctx.db, ctx.key.accountId, params.source_id), "The source or its connection check", connectionCheckWire),
  ),
);

// The discovered streams of a source.
export const streamsEndpoints = endpoints(
  serveKey(routes.listStreams, async ({ params }, ctx) =>
    found(await listStreamSummaries(ctx.db, ctx.key.accountId, params.source_id), "The source", (list) => list.map(streamSummaryWire)),
  ),
);

// One stream's schema and metadata.
export const streamEndpoints = endpoints(
  serveKey(routes.getStream, async ({ params }, ctx) => found(await getStreamDetail(ctx.db, ctx.key.accountId, params.source_id, params.stream_id), "The stream", streamDetailWire)),
);

// Select streams and fields (all or nothing).
export const streamMetadataEndpoints = endpoints(
  serveKey(routes.updateStreamMetadata, async ({ params, body }, ctx) =>
    mapped(await updateStreamMetadata(ctx.db, ctx.key.accountId, params.source_id, body), () => ({ status: 200 as const })),
  ),
);

// Import API tokens: always the documented refusal.
export const tokensEndpoints = endpoints(
  serveKey(routes.listImportTokens, async ({ params }, ctx) => refuseImportApiTokens(ctx, params.source_id)),
  serveKey(routes.createImportToken, async ({ params }, ctx) => refuseImportApiTokens(ctx, params.source_id)),
);
export const tokenEndpoints = endpoints(serveKey(routes.revokeImportToken, async ({ params }, ctx) => refuseImportApiTokens(ctx, params.source_id)));

// Select streams and fields (all or nothing); returns {"status": 200}.
import { updateStreamMetadata } from "@/lib/connect/stream-access";
import { otherVerbs, route } from "@/lib/http/handler";
import * as contracts from "@/lib/http/routes";
import { map } from "@/lib/result";

export const PUT = route(contracts.updateStreamMetadata, async ({ params, body }, ctx) =>
  map(await updateStreamMetadata(ctx.db, ctx.key.accountId, params.source_id, body), () => ({ status: 200 as const })),
);

export const { GET, POST, PATCH, DELETE } = otherVerbs("PUT");

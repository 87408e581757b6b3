// The handlers of the destinations' and the type catalogues' route contracts (lib/http/routes/destinations.ts).
import "server-only";
import { checkDestination } from "../../connect/destination-check";
import { DESTINATION_TYPE_SPECS, findDestinationTypeSpec } from "../../connect/destination-types";
import { createDestination, deleteDestination, getDestination, listDestinations, updateDestination } from "../../connect/destinations";
import { findSourceType, SOURCE_TYPES } from "../../connect/integration-types";
import { ok } from "../../connect/result";
import { apiChangeBy } from "../change-by";
import { found, mapped } from "../reply";
import * as routes from "../routes/destinations";
import { endpoints, serveKey } from "../serve";
import { destinationCheckWire, destinationWire } from "../wire/destinations";
import { destinationTypeWire, sourceTypeWire } from "../wire/report-card";

export const destinationsEndpoints = endpoints(
  // Every destination of the key's account.
  serveKey(routes.listDestinations, async (_in, ctx) => ok((await listDestinations(ctx.db, ctx.key.accountId)).map(destinationWire))),
  // Create one.
  serveKey(routes.createDestination, async ({ request, body }, ctx) =>
    mapped(await createDestination(ctx, ctx.key.accountId, body, await apiChangeBy(request, ctx)), destinationWire),
  ),
);

export const destinationEndpoints = endpoints(
  // One destination.
  serveKey(routes.getDestination, async ({ params }, ctx) => found(await getDestination(ctx.db, ctx.key.accountId, params.destination_id), "The destination", destinationWire)),
  // Change it (its type cannot change).
  serveKey(routes.updateDestination, async ({ request, params, body }, ctx) =>
    mapped(await updateDestination(ctx, ctx.key.accountId, params.destination_id, body, await apiChangeBy(request, ctx)), destinationWire),
  ),
  // Delete it; answers {}.
  serveKey(routes.deleteDestination, async ({ request, params }, ctx) =>
    mapped(await deleteDestination(ctx.db, ctx.key.accountId, params.destination_id, await apiChangeBy(request, ctx)), () => ({})),
  ),
);

// Check the destination's connection now.
export const destinationCheckEndpoints = endpoints(
  serveKey(routes.checkDestination, async ({ params }, ctx) => mapped(await checkDestination(ctx, ctx.key.accountId, params.destination_id), destinationCheckWire)),
);

// The catalogues of source and destination types, and one type by name.
export const sourceTypesEndpoints = endpoints(serveKey(routes.listSourceTypes, async () => ok(SOURCE_TYPES.map(sourceTypeWire))));
export const sourceTypeEndpoints = endpoints(
  serveKey(routes.getSourceType, async ({ params }) => found(findSourceType(params.type) ?? null, "The source type", sourceTypeWire)),
);
export const destinationTypesEndpoints = endpoints(serveKey(routes.listDestinationTypes, async () => ok(DESTINATION_TYPE_SPECS.map(destinationTypeWire))));
export const destinationTypeEndpoints = endpoints(
  serveKey(routes.getDestinationType, async ({ params }) => found(findDestinationTypeSpec(params.type) ?? null, "The destination type", destinationTypeWire)),
);

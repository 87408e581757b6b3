// Destination types as the original describes them (GET /v4/destination-types): made from the same specs
// (DESTINATION_TYPES) that POST and PUT /v4/destinations check properties against, so they cannot disagree.
import { DESTINATION_TYPES, type DestinationType } from "./integration-types";

// The spec of a destination type by its API name (e.g. "postgres"), or undefined.
export function findDestinationTypeSpec(type: string): DestinationType | undefined {
  return DESTINATION_TYPES.find((t) => t.type === type);
}

export const DESTINATION_TYPE_SPECS = DESTINATION_TYPES;

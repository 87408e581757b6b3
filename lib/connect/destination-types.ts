// Destination types as the original describes them (GET /v4/destination-types): made from the same specs
// (DESTINATION_TYPES) that POST and PUT /v4/destinations check properties against, so they cannot disagree.
import { DESTINATION_TYPES, type DestinationType } from "./integration-types";
import { wireProperty } from "./report-card";

// The spec of a destination type by its API name (e.g. "postgres"), or undefined.
export function findDestinationTypeSpec(type: string): DestinationType | undefined {
  return DESTINATION_TYPES.find((t) => t.type === type);
}

export const DESTINATION_TYPE_SPECS = DESTINATION_TYPES;

// A destination type as GET /v4/destination-types shows it: a report card before any setup, properties in the
// original's (alphabetical) order; json_schema without our description (the original shows type and pattern only).
export function destinationTypeView(type: DestinationType) {
  const properties = [...type.properties]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((spec) => {
      const { description: _description, ...json_schema } = spec.json_schema;
      return { ...wireProperty(spec, false), json_schema };
    });
  return {
    type: type.type,
    current_step: 1,
    current_step_type: "form" as const,
    steps: [
      { type: "form" as const, properties },
      { type: "fully_configured" as const, properties: [] },
    ],
    details: type.details,
  };
}

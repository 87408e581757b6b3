// Report cards and integration type documents as the original shows them (GET /v4/source-types, /v4/destination-types).
import type { z } from "zod";
import type { DestinationType, PropertySpec, SourceType } from "../../connect/integration-types";
import { reportCard, type ReportCard, type StepProperty } from "../../connect/report-card";
import type { reportCardSchema, sourceTypeSchema } from "../../validation/connect";
import type { destinationTypeSchema } from "../../validation/destination-types";

// A property as the type documents and report cards show it (the UI's label and our flags stay inside).
function propertyWire({ label: _label, default: _default, stored_only: _stored, ...spec }: PropertySpec, provided: boolean) {
  return { ...spec, provided };
}

// A source's report card: where its setup stands, step by step.
export function reportCardWire(card: ReportCard): z.infer<typeof reportCardSchema> {
  return {
    type: card.type,
    current_step: card.currentStep,
    current_step_type: card.currentStepType,
    steps: card.steps.map((step) => ({ type: step.type, properties: step.properties.map(({ provided, ...spec }: StepProperty) => propertyWire(spec, provided)) })),
  };
}

// A source type: its report card before any setup, its display name and the original's details.
export function sourceTypeWire(type: SourceType): z.infer<typeof sourceTypeSchema> {
  return { ...reportCardWire(reportCard(type, null)), display_name: type.display_name, details: type.details as z.infer<typeof sourceTypeSchema>["details"] };
}

// A destination type: a report card before any setup, properties in the original's (alphabetical) order;
// json_schema without our description (the original shows type and pattern only).
export function destinationTypeWire(type: DestinationType): z.infer<typeof destinationTypeSchema> {
  const properties = [...type.properties]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((spec) => {
      const { description: _description, ...json_schema } = spec.json_schema;
      return { ...propertyWire(spec, false), json_schema };
    });
  return {
    type: type.type,
    current_step: 1,
    current_step_type: "form",
    steps: [
      { type: "form", properties },
      { type: "fully_configured", properties: [] },
    ],
    details: type.details,
  };
}

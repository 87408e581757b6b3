// The report card: where a source's setup stands, step by step (form → discover_schema → field_selection → fully_configured).
import type { PropertySpec, SourceType, StepType } from "./integration-types";

export type SetupState = { provided: Set<string>; discovered: boolean; selectedStreams: number };

// A form property with whether the source has a value for it.
export type StepProperty = PropertySpec & { provided: boolean };

export type ReportCard = {
  type: string;
  currentStep: number;
  currentStepType: StepType;
  steps: { type: StepType; properties: StepProperty[] }[];
};

// Whether every required property of the type has a value.
export function formComplete(type: SourceType, provided: Set<string>): boolean {
  return type.properties.every((p) => !p.is_required || provided.has(p.name));
}

// The step a source's setup is at.
export function currentStep(type: SourceType, state: SetupState): StepType {
  if (!formComplete(type, state.provided)) return "form";
  if (!state.discovered) return "discover_schema";
  if (state.selectedStreams === 0) return "field_selection";
  return "fully_configured";
}

// The report card of a source of this type (state null: before any setup, as the type documents show it).
export function reportCard(type: SourceType, state: SetupState | null): ReportCard {
  const step = state ? currentStep(type, state) : type.steps[0];
  return {
    type: type.type,
    currentStep: type.steps.indexOf(step) + 1,
    currentStepType: step,
    steps: type.steps.map((stepType) => ({
      type: stepType,
      properties: stepType === "form" ? type.properties.map((spec) => ({ ...spec, provided: state?.provided.has(spec.name) ?? false })) : [],
    })),
  };
}

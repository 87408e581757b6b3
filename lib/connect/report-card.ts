// The report card: where a source's setup stands, step by step (form → discover_schema → field_selection → fully_configured).
import type { PropertySpec, SourceType, StepType } from "./integration-types";

export type SetupState = { provided: Set<string>; discovered: boolean; selectedStreams: number };

export type ReportCard = {
  type: string;
  current_step: number;
  current_step_type: StepType;
  steps: { type: StepType; properties: WireProperty[] }[];
};

export type WireProperty = Omit<PropertySpec, "label" | "default" | "stored_only"> & { provided: boolean };

// A property as the type documents and report cards show it (the UI's label and our flags stay inside).
export function wireProperty({ label: _label, default: _default, stored_only: _stored, ...spec }: PropertySpec, provided: boolean): WireProperty {
  return { ...spec, provided };
}

export function formComplete(type: SourceType, provided: Set<string>): boolean {
  return type.properties.every((p) => !p.is_required || provided.has(p.name));
}

export function currentStep(type: SourceType, state: SetupState): StepType {
  if (!formComplete(type, state.provided)) return "form";
  if (!state.discovered) return "discover_schema";
  if (state.selectedStreams === 0) return "field_selection";
  return "fully_configured";
}

export function reportCard(type: SourceType, state: SetupState | null): ReportCard {
  const step = state ? currentStep(type, state) : type.steps[0];
  return {
    type: type.type,
    current_step: type.steps.indexOf(step) + 1,
    current_step_type: step,
    steps: type.steps.map((stepType) => ({
      type: stepType,
      properties:
        stepType === "form"
          ? type.properties.map((spec) => wireProperty(spec, state?.provided.has(spec.name) ?? false))
          : [],
    })),
  };
}

// A source type as the API shows it: its report card before any setup, its display name and the original's details.
import type { SourceType } from "./integration-types";
import { reportCard } from "./report-card";

export function sourceTypeView(type: SourceType) {
  return { ...reportCard(type, null), display_name: type.display_name, details: type.details };
}

// The one form of a timestamp on the wire: `2020-06-19T15:09:38Z` (UTC, whole seconds), as the original sends it;
// clients parse `%Y-%m-%dT%H:%M:%SZ`. Every timestamp the Connect API answers with goes through this.
export function wireTime(date: Date): string;
export function wireTime(date: Date | null): string | null;
export function wireTime(date: Date | null): string | null {
  return date ? date.toISOString().replace(/\.\d{3}Z$/, "Z") : null;
}

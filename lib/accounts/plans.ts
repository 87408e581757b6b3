// Plans: API access (keys and the Connect API) is an Enterprise feature.
export const PLANS = ["standard", "enterprise"] as const;
export type Plan = (typeof PLANS)[number];

export function hasApiAccess(plan: string): boolean {
  return plan === "enterprise";
}

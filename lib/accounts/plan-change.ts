// Operator actions on accounts (not for members): changing the plan.
import "server-only";
import type { Db } from "../db/factory";
import { hasApiAccess, PLANS, type Plan } from "./plans";

// Move an account to a plan. Leaving API access disables every enabled key (reason "plan");
// coming back re-enables none: members re-enable keys by hand.
export async function changeAccountPlan(db: Db, slug: string, plan: Plan): Promise<{ disabledKeys: number }> {
  if (!PLANS.includes(plan)) throw new Error(`Unknown plan "${plan}"; use one of ${PLANS.join(", ")}.`);
  return db.$transaction(async (tx) => {
    const ws = await tx.account.update({ where: { slug }, data: { plan } });
    if (hasApiAccess(plan)) return { disabledKeys: 0 };
    const disabled = await tx.apiKey.updateMany({
      where: { accountId: ws.id, status: "enabled" },
      data: { status: "disabled", disabledReason: "plan" },
    });
    return { disabledKeys: disabled.count };
  });
}

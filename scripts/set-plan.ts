// Operator CLI: npm run set-plan -- <account-slug> <standard|enterprise>
import { changeAccountPlan } from "../lib/accounts/plan-change";
import { databaseUrl } from "../lib/db/url";
import { createDb } from "../lib/db/factory";
import type { Plan } from "../lib/accounts/plans";

const [slug, plan] = process.argv.slice(2);
if (!slug || !plan) {
  console.error("usage: npm run set-plan -- <account-slug> <standard|enterprise>");
  process.exit(2);
}
const db = createDb(databaseUrl());
changeAccountPlan(db, slug, plan as Plan)
  .then(({ disabledKeys }) => console.log(`${slug} is now on ${plan}${disabledKeys ? `; ${disabledKeys} key(s) disabled` : ""}.`))
  .catch((error: Error) => {
    console.error(`set-plan failed: ${error.message}`);
    process.exitCode = 1;
  })
  .finally(() => db.$disconnect());

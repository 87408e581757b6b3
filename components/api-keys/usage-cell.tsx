// A key's row: its 30 days as a small chart (with a text alternative) and a link to the key's detail view.
import Link from "next/link";
import type { UsagePoint } from "@/lib/api-keys/usage";
import { accountPath } from "@/lib/console-paths";
import { UsageSparkline } from "./usage-chart";
import { usageSummary } from "./usage-words";

export function KeyUsageCell({ keyId, last4, days, accountSlug }: { keyId: number; last4: string; days: UsagePoint[]; accountSlug?: string }) {
  const summary = usageSummary(days);
  const href = accountSlug ? accountPath(accountSlug, `/settings/account/keys/${keyId}`) : `/settings/account/keys/${keyId}`;
  return (
    <div className="min-w-36">
      <UsageSparkline days={days} last4={last4} summary={summary} />
      <Link href={href} className="text-xs text-blue-800 dark:text-blue-300 underline">
        Usage<span className="sr-only"> and last use of the key ending {last4}</span>
      </Link>
    </div>
  );
}

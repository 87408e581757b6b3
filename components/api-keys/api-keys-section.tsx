// "API access keys" on Account Settings: the limit, Generate a Key (or the Enterprise call-to-action), the table.
import type { ApiKeyView } from "@/lib/api-keys/service";
import type { UsagePoint } from "@/lib/api-keys/usage";
import { MAX_KEYS_PER_ACCOUNT } from "@/lib/api-keys/service";
import { hasApiAccess } from "@/lib/accounts/plans";
import { FeedbackProvider } from "@/components/ui/feedback";
import { GenerateKeyDialog } from "./generate-key-dialog";
import { KeysTable } from "./keys-table";

type Props = { accountId: number; plan: string; keys: ApiKeyView[]; now: Date; salesUrl: string; usage?: Record<number, UsagePoint[]>; accountSlug?: string };

export function ApiKeysSection({ accountId, plan, keys, now, salesUrl, usage, accountSlug }: Props) {
  const full = keys.length >= MAX_KEYS_PER_ACCOUNT;
  return (
    <section aria-labelledby="api-keys-heading">
      <h2 id="api-keys-heading" tabIndex={-1} className="text-lg font-semibold">API access keys</h2>
      <p className="mb-4 mt-1 text-sm text-slate-600 dark:text-slate-400">
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- /docs/api is a route handler (the reference's HTML), not a page */}
        Keys let scripts and schedulers use the <a href="/docs/api" className="text-blue-700 dark:text-blue-300 underline">Connect API</a> as the member who created them.
      </p>
      <FeedbackProvider>
        {hasApiAccess(plan) ? (
          <div className="mb-4 flex flex-wrap items-center gap-4">
            <p className="text-sm">You can generate up to {MAX_KEYS_PER_ACCOUNT} access keys.</p>
            <GenerateKeyDialog accountId={accountId} disabled={full} />
            {full && (
              <p className="w-full text-sm text-amber-900 dark:text-amber-200">
                This account has {MAX_KEYS_PER_ACCOUNT} keys, the most it can hold (enabled and disabled keys both count). Delete a key to generate a new one.
              </p>
            )}
          </div>
        ) : (
          <div className="mb-4 rounded-lg border border-blue-200 dark:border-blue-800 bg-blue-50 dark:bg-blue-950 p-4">
            <p className="font-semibold">API access is an Enterprise feature</p>
            <p className="mt-1 text-sm">
              Access to the Bobbin API is an Enterprise feature.{" "}
              <a href={salesUrl} className="text-blue-700 dark:text-blue-300 underline">Contact Bobbin Sales for more info</a>.
            </p>
          </div>
        )}
        {keys.length > 0 ? (
          <KeysTable keys={keys} accountId={accountId} now={now} usage={usage} accountSlug={accountSlug} />
        ) : (
          <p className="rounded-lg border border-dashed border-slate-300 dark:border-slate-600 bg-white dark:bg-slate-900 px-4 py-8 text-center text-sm text-slate-600 dark:text-slate-400">
            This account has no API access keys yet.
          </p>
        )}
      </FeedbackProvider>
    </section>
  );
}

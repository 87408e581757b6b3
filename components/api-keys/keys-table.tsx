// The table of an account's keys (server-rendered; the ⋮ menus are client islands).
import { isExpired, MAX_KEYS_PER_ACCOUNT, type ApiKeyView } from "@/lib/api-keys/service";
import type { UsagePoint } from "@/lib/api-keys/usage";
import { KeyRowActions } from "./key-row-actions";
import { KeyUsageCell } from "./usage-cell";
import { formatUtc, RelativeTime } from "./times";

const REASONS: Record<string, string> = {
  plan: "Disabled — plan without API access",
  creator_removed: "Disabled — creator removed",
  leaked: "Disabled — reported leaked",
};

function statusLabel(key: ApiKeyView, now: Date): { label: string; note?: string } {
  // An expired key is refused like a disabled one; it keeps its slot until deleted.
  if (key.status === "enabled" && key.expiresAt && isExpired(key, now)) return { label: "Expired", note: `on ${formatUtc(key.expiresAt)}` };
  if (key.status === "enabled") return { label: "Enabled", note: key.expiresAt ? `Expires ${formatUtc(key.expiresAt)}` : undefined };
  return { label: "Disabled", note: key.disabledReason ? REASONS[key.disabledReason] : undefined };
}

const TH = "px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400";

// usage: each key's last 30 days (lib/api-keys/usage.ts); accountSlug links a row to its detail view.
export function KeysTable({ keys, accountId, now, usage, accountSlug }: { keys: ApiKeyView[]; accountId: number; now: Date; usage?: Record<number, UsagePoint[]>; accountSlug?: string }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900">
      <table className="table-cards w-full text-sm">
        <caption className="sr-only">API access keys of this account</caption>
        <thead className="border-b border-slate-200 dark:border-slate-700 bg-slate-50 dark:bg-slate-800">
          <tr>
            <th scope="col" className={TH}>Key (last 4)</th>
            <th scope="col" className={TH}>Description</th>
            <th scope="col" className={TH}>Created</th>
            <th scope="col" className={TH}>Last used</th>
            <th scope="col" className={TH}>Status</th>
            <th scope="col" className={TH}>Access</th>
            {usage && <th scope="col" className={TH}>Requests, 30 days</th>}
            <th scope="col" className={TH}><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {keys.map((key) => {
            const status = statusLabel(key, now);
            const rollBlocked =
              key.status !== "enabled" || status.label === "Expired"
                ? "Only an enabled key that has not expired can be rolled."
                : keys.length >= MAX_KEYS_PER_ACCOUNT
                  ? `No free slot: the account has ${MAX_KEYS_PER_ACCOUNT} keys. Delete a key first.`
                  : null;
            return (
              <tr key={key.id} className="border-b border-slate-100 dark:border-slate-800 last:border-0">
                <td className="px-3 py-3 font-mono max-sm:font-semibold">{key.last4}</td>
                <td className="max-w-xs break-words px-3 py-3">{key.description}</td>
                <td data-label="Created" className="px-3 py-3">
                  <div className="max-sm:inline">{formatUtc(key.createdAt)}</div>
                  <div className="text-xs text-slate-600 dark:text-slate-400">by {key.createdByEmail}</div>
                </td>
                <td data-label="Last used" className="px-3 py-3">
                  {key.lastUsedAt ? <RelativeTime date={key.lastUsedAt} now={now} id={`last-used-${key.id}`} /> : "Never"}
                </td>
                <td data-label="Status" className="px-3 py-3">
                  <div className={`max-sm:inline ${status.label === "Enabled" ? "text-green-800 dark:text-green-400" : "text-slate-600 dark:text-slate-400"}`}>{status.label}</div>
                  {status.note && <div className="text-xs text-slate-600 dark:text-slate-400">{status.note}</div>}
                </td>
                <td data-label="Access" className="px-3 py-3">
                  <div>{key.access === "read" ? "Read-only" : "Full access"}</div>
                  {key.allowedCidrs.length > 0 && (
                    <div className="text-xs text-slate-600 dark:text-slate-400">Only from <span className="font-mono">{key.allowedCidrs.join(", ")}</span></div>
                  )}
                </td>
                {usage && (
                  <td data-label="Requests, 30 days" className="px-3 py-3">
                    <KeyUsageCell keyId={key.id} last4={key.last4} days={usage[key.id] ?? []} accountSlug={accountSlug} />
                  </td>
                )}
                <td data-actions="corner" className="px-3 py-3 text-right">
                  <KeyRowActions accountId={accountId} keyId={key.id} last4={key.last4} description={key.description} status={key.status}
                    expiresAt={key.expiresAt} access={key.access} allowedCidrs={key.allowedCidrs} rollBlocked={rollBlocked} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

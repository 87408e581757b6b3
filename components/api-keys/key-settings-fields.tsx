"use client";
// The settings a key has beside its description: expiry, access and IP allow-list (Generate a Key and Edit this key).
import { useId, useState } from "react";
import { FieldError } from "@/components/forms/feedback";

type Props = {
  // Editing: the expiry may be kept or brought forward only.
  current?: { expiresAt: Date | null; access: "full" | "read"; allowedCidrs: string[] };
  // The last answer's error at a field.
  fieldError: (name: string) => string | undefined;
};

const FIELD = "mt-1 w-full rounded-md border border-slate-300 px-3 py-2 aria-[invalid]:border-red-600";

function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function KeySettingsFields({ current, fieldError }: Props) {
  const [expiry, setExpiry] = useState(current ? "keep" : "never");
  const errors = { expiry: fieldError("expiry"), expiryDate: fieldError("expiryDate"), allowedIps: fieldError("allowedIps") };
  const id = useId();
  const [tomorrow] = useState(() => utcDay(new Date(Date.now() + 24 * 60 * 60 * 1000)));
  return (
    <>
      <div>
        <label htmlFor={`${id}-expiry`} className="block text-sm font-medium">Expiration</label>
        <select id={`${id}-expiry`} name="expiry" value={expiry} onChange={(e) => setExpiry(e.target.value)}
          aria-invalid={errors.expiry ? true : undefined} aria-describedby={errors.expiry ? `${id}-expiry-error` : undefined} className={FIELD}>
          {current && (
            <option value="keep">Keep ({current.expiresAt ? `expires ${utcDay(current.expiresAt)}` : "never expires"})</option>
          )}
          {!current && <option value="never">Never</option>}
          <option value="30">30 days</option>
          <option value="90">90 days</option>
          <option value="365">365 days</option>
          <option value="date">On a date…</option>
        </select>
        <FieldError id={`${id}-expiry-error`} message={errors.expiry} />
        {current && <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">An expiry can only be brought forward.</p>}
      </div>
      {expiry === "date" && (
        <div>
          <label htmlFor={`${id}-date`} className="block text-sm font-medium">Expires on (00:00 UTC)</label>
          <input id={`${id}-date`} type="date" name="expiryDate" min={tomorrow} required
            aria-invalid={errors.expiryDate ? true : undefined} aria-describedby={errors.expiryDate ? `${id}-date-error` : undefined} className={FIELD} />
          <FieldError id={`${id}-date-error`} message={errors.expiryDate} />
        </div>
      )}
      <fieldset>
        <legend className="text-sm font-medium">Access</legend>
        <div className="mt-1 flex flex-wrap gap-4 text-sm">
          <label className="flex items-center gap-2">
            <input type="radio" name="access" value="full" defaultChecked={(current?.access ?? "full") === "full"} /> Full access
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="access" value="read" defaultChecked={current?.access === "read"} /> Read-only
          </label>
        </div>
        <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">A read-only key may only read (GET); anything else is refused.</p>
      </fieldset>
      <div>
        <label htmlFor={`${id}-ips`} className="block text-sm font-medium">Allowed IP addresses (optional)</label>
        <textarea id={`${id}-ips`} name="allowedIps" rows={2} defaultValue={current?.allowedCidrs.join("\n") ?? ""}
          placeholder="203.0.113.0/24, 2001:db8::/32"
          aria-invalid={errors.allowedIps ? true : undefined}
          aria-describedby={errors.allowedIps ? `${id}-ips-error ${id}-ips-hint` : `${id}-ips-hint`} className={`${FIELD} font-mono text-sm`} />
        <FieldError id={`${id}-ips-error`} message={errors.allowedIps} />
        <p id={`${id}-ips-hint`} className="mt-1 text-xs text-slate-600 dark:text-slate-400">IPv4 or IPv6 addresses or CIDR ranges, up to 10. Empty: any address.</p>
      </div>
    </>
  );
}

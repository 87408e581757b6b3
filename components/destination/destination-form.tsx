"use client";
// The account's PostgreSQL destination: the original's fields, the password write-only, and a connection check.
import { useRouter } from "next/navigation";
import { useId, useRef } from "react";
import { checkDestinationAction, saveDestinationAction } from "@/app/(app)/[account]/settings/destination/actions";
import { ErrorAlert, FieldError } from "@/components/forms/feedback";
import { useFormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";

type Values = { host: string; port: string; username: string; database: string; ssl: boolean };
type Props = { accountId: number; destinationId: number | null; initial: Values; passwordStored: boolean };
type Checked = { status: string; error: string | null };

const FIELDS = [["host", "Host"], ["port", "Port"], ["username", "Username"], ["database", "Database"]] as const;

export function DestinationForm({ accountId, destinationId, initial, passwordStored }: Props) {
  const router = useRouter();
  const element = useRef<HTMLFormElement>(null);
  const id = useId();
  // Saving and checking share one answer: the status line and the alert show the last one.
  const act = useFormAction(saveDestinationAction, {
    fields: { accountId, destinationId: destinationId ?? "" },
    success: "The destination is saved.",
    then: (result) => {
      // Saved: the password is stored (write-only), so the field empties; the other fields already show what was saved.
      // The refresh brings the new props (destination id, password stored) without remounting, so the message stays.
      if (result.ok) (element.current?.elements.namedItem("password") as HTMLInputElement).value = "";
      router.refresh();
    },
  });
  const checked = act.data && "status" in act.data ? (act.data as unknown as Checked) : null;
  const status = checked ? (checked.status === "succeeded" ? "Connection check succeeded." : "") : act.success;
  const alert = checked && checked.status !== "succeeded" ? `Connection check failed: ${checked.error}` : act.error;
  // A check neither empties the password nor refreshes the page.
  const check = () => act.submit({}, { action: checkDestinationAction, then: () => undefined });
  const invalid = (name: string) => (act.fieldError(name) ? { "aria-invalid": true, "aria-describedby": `${id}-${name}-error` } : {});
  return (
    <form ref={element} onSubmit={act.onSubmit} aria-label="PostgreSQL destination" className="space-y-3 rounded-lg border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 p-4 text-sm">
      {FIELDS.map(([name, label]) => (
        <div key={name}>
          <label className="flex flex-col">{label}
            <input name={name} required defaultValue={initial[name]} {...invalid(name)} className="mt-1 rounded border border-slate-300 dark:border-slate-600 px-2 py-1" />
          </label>
          <FieldError id={`${id}-${name}-error`} message={act.fieldError(name)} />
        </div>
      ))}
      <div>
        <label className="flex flex-col">Password{passwordStored ? " (stored; leave empty to keep it, unless the connection changes)" : ""}
          <input name="password" type="password" autoComplete="new-password" required={!passwordStored} {...invalid("password")}
            className="mt-1 rounded border border-slate-300 dark:border-slate-600 px-2 py-1" />
        </label>
        <FieldError id={`${id}-password-error`} message={act.fieldError("password")} />
      </div>
      <label className="flex items-center gap-2 py-1"><input type="checkbox" name="ssl" value="true" defaultChecked={initial.ssl} /> Connect with SSL</label>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={act.pending}>{destinationId ? "Save destination" : "Add destination"}</Button>
        <Button variant="secondary" onClick={check} disabled={act.pending || !destinationId}>Check the connection</Button>
      </div>
      <div role="status" aria-live="polite" className="text-green-800 dark:text-green-400">{status}</div>
      <ErrorAlert message={alert} />
    </form>
  );
}

"use client";
// The account's PostgreSQL destination: the original's fields, the password write-only, and a connection check.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { checkDestinationAction, saveDestinationAction } from "@/app/(app)/[account]/settings/destination/actions";
import { Button } from "@/components/ui/button";

type Values = { host: string; port: string; username: string; database: string; ssl: boolean };
type Props = { accountId: number; destinationId: number | null; initial: Values; passwordStored: boolean };

const FIELDS = [["host", "Host"], ["port", "Port"], ["username", "Username"], ["database", "Database"]] as const;

export function DestinationForm({ accountId, destinationId, initial, passwordStored }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  function save(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    form.set("accountId", String(accountId));
    form.set("destinationId", destinationId ? String(destinationId) : "");
    startTransition(async () => {
      const result = await saveDestinationAction(form).catch(() => null);
      setMessage(result?.ok ? { ok: true, text: "The destination is saved." } : { ok: false, text: result ? result.error : "The server did not answer. Try again." });
      // Saved: the password is stored (write-only), so the field empties; the other fields already show what was saved.
      // The refresh brings the new props (destination id, password stored) without remounting, so the message stays.
      if (result?.ok) (element.elements.namedItem("password") as HTMLInputElement).value = "";
      router.refresh();
    });
  }

  function check() {
    const form = new FormData();
    form.set("accountId", String(accountId));
    form.set("destinationId", String(destinationId ?? ""));
    startTransition(async () => {
      const result = await checkDestinationAction(form).catch(() => null);
      if (!result) setMessage({ ok: false, text: "The server did not answer. Try again." });
      else if (!result.ok) setMessage({ ok: false, text: result.error });
      else setMessage(result.data.status === "succeeded" ? { ok: true, text: "Connection check succeeded." } : { ok: false, text: `Connection check failed: ${result.data.error}` });
    });
  }

  return (
    <form onSubmit={save} aria-label="PostgreSQL destination" className="space-y-3 rounded-lg border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 p-4 text-sm">
      {FIELDS.map(([name, label]) => (
        <label key={name} className="flex flex-col">{label}
          <input name={name} required defaultValue={initial[name]} className="mt-1 rounded border border-slate-300 dark:border-slate-600 px-2 py-1" />
        </label>
      ))}
      <label className="flex flex-col">Password{passwordStored ? " (stored; leave empty to keep it, unless the connection changes)" : ""}
        <input name="password" type="password" autoComplete="new-password" required={!passwordStored} className="mt-1 rounded border border-slate-300 dark:border-slate-600 px-2 py-1" />
      </label>
      <label className="flex items-center gap-2 py-1"><input type="checkbox" name="ssl" value="true" defaultChecked={initial.ssl} /> Connect with SSL</label>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={pending}>{destinationId ? "Save destination" : "Add destination"}</Button>
        <Button variant="secondary" onClick={check} disabled={pending || !destinationId}>Check the connection</Button>
      </div>
      <div role="status" aria-live="polite" className="text-green-800 dark:text-green-400">{message?.ok ? message.text : ""}</div>
      {message && !message.ok && <p role="alert" className="rounded-md bg-red-50 dark:bg-red-950 px-3 py-2 text-red-900 dark:text-red-300">{message.text}</p>}
    </form>
  );
}

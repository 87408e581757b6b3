"use client";
// A PostgreSQL source's connection details, to add one or to edit one (the password is write-only in both).
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { addPostgresSourceAction, editPostgresSourceAction } from "@/app/(app)/[account]/sources/actions";
import { ErrorAlert, FieldError } from "@/components/forms/feedback";
import { useFormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { accountPath } from "@/lib/console-paths";

type Field = { name: string; label: string; type?: string; defaultValue?: string; hint?: string; optional?: boolean; autoComplete?: string };

const FIELDS: Field[] = [
  { name: "display_name", label: "Display name" },
  { name: "host", label: "Host", hint: "Host name or IP address of the PostgreSQL server." },
  { name: "port", label: "Port", defaultValue: "5432", type: "text" },
  { name: "dbname", label: "Database" },
  { name: "user", label: "User", hint: "Read-only access is enough.", autoComplete: "off" },
  { name: "password", label: "Password", type: "password", hint: "Write-only: stored encrypted, never shown again.", autoComplete: "new-password" },
  { name: "filter_schemas", label: "Schemas", hint: "Comma-separated schemas to discover; empty for every schema the user can read.", optional: true },
];

// Editing: the stored values fill the form, except the password, which is kept when left empty.
export type EditedSource = { id: number; values: Record<string, string> };

const EDIT_PASSWORD_HINT = "Leave empty to keep the stored password. Write-only: stored encrypted, never shown again.";
// A stored password is never sent to a changed connection: changing one of these makes the password required.
const IDENTITY = ["host", "port", "dbname", "user"];
const AGAIN_HINT = "Required: the connection changed, so give the password again. Write-only: stored encrypted, never shown again.";

type Props = { accountId: number; accountSlug: string; source?: EditedSource };

export function SourceForm({ accountId, accountSlug, source }: Props) {
  const router = useRouter();
  const element = useRef<HTMLFormElement>(null);
  const [identityChanged, setIdentityChanged] = useState(false);
  const save = useFormAction(source ? editPostgresSourceAction : addPostgresSourceAction, {
    then: (result) => {
      if (!result.ok) return;
      if (!source) return router.push(accountPath(accountSlug, `/sources/${result.data.id}`));
      (element.current?.elements.namedItem("password") as HTMLInputElement).value = "";
      setIdentityChanged(false);
      router.refresh();
    },
  });
  const { pending } = save;
  const saved = Boolean(source && save.data);
  const prefix = source ? "edit-source" : "source";

  function onChange(event: React.FormEvent<HTMLFormElement>) {
    if (!source) return;
    const form = new FormData(event.currentTarget);
    setIdentityChanged(IDENTITY.some((name) => String(form.get(name) ?? "").trim() !== (source.values[name] ?? "")));
  }

  return (
    <form ref={element} onSubmit={save.onSubmit} onChange={onChange} noValidate className="max-w-xl space-y-4 rounded-lg p-4 sm:p-6 border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900">
      <input type="hidden" name="accountId" value={accountId} />
      {source && <input type="hidden" name="sourceId" value={source.id} />}
      {FIELDS.map((f) => {
        const message = save.fieldError(f.name);
        const keepsPassword = source && f.name === "password" && !identityChanged;
        const hint = source && f.name === "password" ? (keepsPassword ? EDIT_PASSWORD_HINT : AGAIN_HINT) : f.hint;
        const optional = f.optional || keepsPassword;
        const described = [hint && `${prefix}-${f.name}-hint`, message && `${prefix}-${f.name}-error`].filter(Boolean).join(" ") || undefined;
        return (
          <div key={f.name}>
            <label htmlFor={`${prefix}-${f.name}`} className="block text-sm font-medium">
              {f.label}{optional && <span className="font-normal text-slate-500 dark:text-slate-400"> (optional)</span>}
            </label>
            <input id={`${prefix}-${f.name}`} name={f.name} type={f.type ?? "text"} defaultValue={source ? source.values[f.name] : f.defaultValue}
              required={!optional} autoComplete={f.autoComplete ?? "off"} aria-invalid={message ? true : undefined} aria-describedby={described}
              className="mt-1 w-full rounded-md border border-slate-300 dark:border-slate-600 px-3 py-2" />
            {hint && <p id={`${prefix}-${f.name}-hint`} className="mt-1 text-xs text-slate-600 dark:text-slate-400">{hint}</p>}
            <FieldError id={`${prefix}-${f.name}-error`} message={message} />
          </div>
        );
      })}
      <ErrorAlert message={save.error} />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>{pending ? "Saving…" : source ? "Save and check again" : "Save and check the connection"}</Button>
        <p role="status" aria-live="polite" className="text-sm text-green-800 dark:text-green-400">{saved ? "Saved. The connection check has started." : ""}</p>
      </div>
    </form>
  );
}

"use client";
// A PostgreSQL source's connection details, to add one or to edit one (the password is write-only in both).
import { useRouter } from "next/navigation";
import { useRef } from "react";
import { addPostgresSourceAction, editPostgresSourceAction } from "@/app/(app)/sources/actions";
import { useFormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";

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

type Props = { accountId: number; accountSlug: string; source?: EditedSource };

export function SourceForm({ accountId, accountSlug, source }: Props) {
  const router = useRouter();
  const element = useRef<HTMLFormElement>(null);
  const save = useFormAction(source ? editPostgresSourceAction : addPostgresSourceAction, {
    onSuccess: ({ id }) => {
      if (!source) return router.push(`/sources/${id}?account=${encodeURIComponent(accountSlug)}`);
      if (element.current) (element.current.elements.namedItem("password") as HTMLInputElement).value = "";
      router.refresh();
    },
  });
  const { pending, error } = save;
  const saved = Boolean(source && save.result?.ok);
  const prefix = source ? "edit-source" : "source";

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.run(new FormData(event.currentTarget));
  }

  return (
    <form ref={element} onSubmit={onSubmit} noValidate className="max-w-xl space-y-4 rounded-lg border border-slate-200 bg-white p-6">
      <input type="hidden" name="accountId" value={accountId} />
      {source && <input type="hidden" name="sourceId" value={source.id} />}
      {FIELDS.map((f) => {
        const message = save.fieldError(f.name);
        const hint = source && f.name === "password" ? EDIT_PASSWORD_HINT : f.hint;
        const optional = f.optional || (source && f.name === "password");
        const described = [hint && `${prefix}-${f.name}-hint`, message && `${prefix}-${f.name}-error`].filter(Boolean).join(" ") || undefined;
        return (
          <div key={f.name}>
            <label htmlFor={`${prefix}-${f.name}`} className="block text-sm font-medium">
              {f.label}{optional && <span className="font-normal text-slate-500"> (optional)</span>}
            </label>
            <input id={`${prefix}-${f.name}`} name={f.name} type={f.type ?? "text"} defaultValue={source ? source.values[f.name] : f.defaultValue}
              required={!optional} autoComplete={f.autoComplete ?? "off"} aria-invalid={message ? true : undefined} aria-describedby={described}
              className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2" />
            {hint && <p id={`${prefix}-${f.name}-hint`} className="mt-1 text-xs text-slate-600">{hint}</p>}
            {message && <p id={`${prefix}-${f.name}-error`} className="mt-1 text-sm font-medium text-red-700">{message}</p>}
          </div>
        );
      })}
      {error && <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-900">{error}</p>}
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>{pending ? "Saving…" : source ? "Save and check again" : "Save and check the connection"}</Button>
        <p role="status" aria-live="polite" className="text-sm text-green-800">{saved ? "Saved. The connection check has started." : ""}</p>
      </div>
    </form>
  );
}

"use client";
// Add a PostgreSQL source: connection details (the password is write-only), then on to the source's page.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { addPostgresSourceAction } from "@/app/(app)/sources/actions";
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

export function AddSourceForm({ workspaceId, accountSlug }: { workspaceId: number; accountSlug: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[] | undefined>>({});

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setError(null);
    setFieldErrors({});
    startTransition(async () => {
      const result = await addPostgresSourceAction(form).catch(() => null);
      if (!result) setError("The server did not answer. Try again.");
      else if (result.ok) router.push(`/sources/${result.data.id}?account=${encodeURIComponent(accountSlug)}`);
      else {
        setError(result.error);
        setFieldErrors(result.fieldErrors ?? {});
      }
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-xl space-y-4 rounded-lg border border-slate-200 bg-white p-6">
      <input type="hidden" name="workspaceId" value={workspaceId} />
      {FIELDS.map((f) => {
        const message = fieldErrors[f.name]?.[0];
        const described = [f.hint && `${f.name}-hint`, message && `${f.name}-error`].filter(Boolean).join(" ") || undefined;
        return (
          <div key={f.name}>
            <label htmlFor={`source-${f.name}`} className="block text-sm font-medium">
              {f.label}{f.optional && <span className="font-normal text-slate-500"> (optional)</span>}
            </label>
            <input id={`source-${f.name}`} name={f.name} type={f.type ?? "text"} defaultValue={f.defaultValue} required={!f.optional}
              autoComplete={f.autoComplete ?? "off"} aria-invalid={message ? true : undefined} aria-describedby={described}
              className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2" />
            {f.hint && <p id={`${f.name}-hint`} className="mt-1 text-xs text-slate-600">{f.hint}</p>}
            {message && <p id={`${f.name}-error`} className="mt-1 text-sm font-medium text-red-700">{message}</p>}
          </div>
        );
      })}
      {error && <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-900">{error}</p>}
      <Button type="submit" disabled={pending}>{pending ? "Saving…" : "Save and check the connection"}</Button>
    </form>
  );
}

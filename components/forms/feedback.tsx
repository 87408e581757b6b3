// How a form shows its errors: the message of a failure, and one field's error next to the field.
export function ErrorAlert({ message, className = "" }: { message: string | null | undefined; className?: string }) {
  if (!message) return null;
  return <p role="alert" className={`rounded-md bg-red-50 dark:bg-red-950 px-3 py-2 text-sm text-red-900 dark:text-red-300 ${className}`}>{message}</p>;
}

export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return <p id={id} className="mt-1 text-sm font-medium text-red-700 dark:text-red-400">{message}</p>;
}

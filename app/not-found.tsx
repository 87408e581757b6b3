import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-md px-4 py-24 text-center">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">This page does not exist, or you do not have access to it.</p>
      <Link href="/settings/account" className="mt-6 inline-block text-blue-700 dark:text-blue-300 underline">Go to Account Settings</Link>
    </main>
  );
}

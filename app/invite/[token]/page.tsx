import type { Metadata } from "next";
import Link from "next/link";
import { AcceptInvitation } from "@/components/team/accept-invitation";
import { getSessionUser, loginUrl } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { findInvitation } from "@/lib/team/invitations";

export const metadata: Metadata = { title: "Invitation", referrer: "no-referrer" };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await findInvitation(db, token);
  const user = await getSessionUser();
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4">
      {!invitation ? (
        <>
          <h1 className="text-2xl font-semibold">This invitation cannot be used</h1>
          <p className="mt-2 text-slate-700 dark:text-slate-300">
            The link is invalid, was used already, or has expired (invitations last 7 days). Ask an owner of the account for a new one.
          </p>
          <Link href="/login" className="mt-6 text-blue-700 dark:text-blue-300 underline">Go to sign-in</Link>
        </>
      ) : (
        <>
          <h1 className="text-2xl font-semibold">Join {invitation.accountName}</h1>
          <p className="mt-2 text-slate-700 dark:text-slate-300">You were invited as <strong>{invitation.email}</strong> ({invitation.role}).</p>
          <div className="mt-6">
            {user && user.email !== invitation.email ? (
              <p className="text-slate-700 dark:text-slate-300">
                You are signed in as {user.email}. Sign out, then open this link again to accept as {invitation.email}.
              </p>
            ) : user || invitation.userExists ? (
              user ? (
                <AcceptInvitation token={token} mode="join" email={invitation.email} />
              ) : (
                <Link href={loginUrl(`/invite/${token}`)} className="text-blue-700 dark:text-blue-300 underline">Sign in as {invitation.email} to accept</Link>
              )
            ) : (
              <AcceptInvitation token={token} mode="create" email={invitation.email} />
            )}
          </div>
        </>
      )}
    </main>
  );
}

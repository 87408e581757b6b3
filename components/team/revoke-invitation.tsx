"use client";
// Owner control on one pending invitation: revoke it (its link stops working at once).
import { useTransition } from "react";
import { revokeInvitationAction } from "@/app/(app)/[account]/settings/team/actions";
import { Button } from "@/components/ui/button";
import { useFeedback } from "@/components/ui/feedback";

export function RevokeInvitation({ accountId, invitationId, email }: { accountId: number; invitationId: number; email: string }) {
  const [pending, startTransition] = useTransition();
  const notify = useFeedback();

  function revoke() {
    const data = new FormData();
    data.set("accountId", String(accountId));
    data.set("invitationId", String(invitationId));
    startTransition(async () => {
      const result = await revokeInvitationAction(data).catch(() => null);
      if (result?.ok) notify({ kind: "success", text: `The invitation of ${email} was revoked.` });
      else notify({ kind: "error", text: result ? result.error : "The server did not answer. Try again." });
    });
  }

  return (
    <Button variant="secondary" onClick={revoke} disabled={pending} aria-label={`Revoke the invitation of ${email}`}>
      {pending ? "Revoking…" : "Revoke"}
    </Button>
  );
}

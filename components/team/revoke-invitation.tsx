"use client";
// Owner control on one pending invitation: revoke it (its link stops working at once).
import { revokeInvitationAction } from "@/app/(app)/[account]/settings/team/actions";
import { useFormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { useFeedback } from "@/components/ui/feedback";

export function RevokeInvitation({ accountId, invitationId, email }: { accountId: number; invitationId: number; email: string }) {
  const notify = useFeedback();
  const revoke = useFormAction(revokeInvitationAction, {
    fields: { accountId, invitationId },
    then: (result) => notify(result.ok ? { kind: "success", text: `The invitation of ${email} was revoked.` } : { kind: "error", text: result.error }),
  });

  return (
    <Button variant="secondary" onClick={() => revoke.submit()} disabled={revoke.pending} aria-label={`Revoke the invitation of ${email}`}>
      {revoke.pending ? "Revoking…" : "Revoke"}
    </Button>
  );
}

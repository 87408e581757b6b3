"use server";
// Accepting an invitation: as the signed-in user, or as a new user who sets a password.
import { z } from "zod";
import { openAction, signedInAction } from "@/app/_lib/action";
import { db } from "@/lib/db/client";
import { acceptInvitation } from "@/lib/team/invitations";
import { TEAM_ERROR_MESSAGES } from "@/lib/team/roles";
import { joinSchema } from "@/lib/validation/team";

// The account joined, by its slug (the page to go to next), and who joined.
async function joined({ accountId, email }: { accountId: number; email: string }) {
  const { slug } = await db.account.findUniqueOrThrow({ where: { id: accountId }, select: { slug: true } });
  return { accountSlug: slug, email };
}

// Join as the person signed in now (their email must be the invited one).
export const joinAsSignedInAction = signedInAction({
  schema: z.object({ token: z.string().min(1).max(200) }),
  invalid: TEAM_ERROR_MESSAGES.invalid_invitation,
  run: ({ input, user, meta }) => acceptInvitation(db, input.token, { userId: user.id }, meta),
  data: joined,
});

// Create the invited person's user with a password and join.
export const joinWithPasswordAction = openAction({
  schema: joinSchema,
  run: ({ input, meta }) => acceptInvitation(db, input.token, { name: input.name, password: input.password }, meta),
  data: joined,
});

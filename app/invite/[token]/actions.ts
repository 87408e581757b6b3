"use server";
// Accepting an invitation: as the signed-in user, or as a new user who sets a password.
import { z } from "zod";
import { serverAction } from "@/app/_lib/action";
import { db } from "@/lib/db";
import { acceptInvitation } from "@/lib/team/invitations";
import { TEAM_ERROR_MESSAGES } from "@/lib/team/roles";
import { joinSchema } from "@/lib/validation/team";

// The account joined, by its slug (the page to go to next), and who joined.
async function joined({ workspaceId, email }: { workspaceId: number; email: string }) {
  const { slug } = await db.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { slug: true } });
  return { accountSlug: slug, email };
}

// Join as the person signed in now (their email must be the invited one).
export const joinAsSignedInAction = serverAction({
  schema: z.object({ token: z.string().max(200) }),
  caller: "user",
  invalid: TEAM_ERROR_MESSAGES.invalid_invitation,
  run: ({ token }, { caller, meta }) => acceptInvitation(db, token, { userId: caller.id }, meta),
  reply: joined,
});

// Create the invited person's user with a password and join.
export const joinWithPasswordAction = serverAction({
  schema: joinSchema,
  caller: "anyone",
  run: ({ token, name, password }, { meta }) => acceptInvitation(db, token, { name, password }, meta),
  reply: joined,
});

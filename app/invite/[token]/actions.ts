"use server";
// Accepting an invitation: as the signed-in user, or as a new user who sets a password.
import { headers } from "next/headers";
import { z } from "zod";
import type { ActionResult } from "@/lib/action-result";
import { getSessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { requestMetaFrom } from "@/lib/request-meta";
import { acceptInvitation } from "@/lib/team/invitations";
import { joinSchema } from "@/lib/validation/team";

type Joined = { accountSlug: string; email: string };

async function slugOf(accountId: number): Promise<string> {
  return (await db.account.findUniqueOrThrow({ where: { id: accountId }, select: { slug: true } })).slug;
}

// Join as the person signed in now (their email must be the invited one).
export async function joinAsSignedInAction(token: string): Promise<ActionResult<Joined>> {
  const user = await getSessionUser();
  if (!user) return { ok: false, error: "Sign in first." };
  const result = await acceptInvitation(db, String(token), { userId: user.id }, requestMetaFrom(await headers()));
  if (!result.ok) return { ok: false, error: result.message };
  return { ok: true, data: { accountSlug: await slugOf(result.value.accountId), email: result.value.email } };
}

// Create the invited person's user with a password and join.
export async function joinWithPasswordAction(form: FormData): Promise<ActionResult<Joined>> {
  const input = joinSchema.safeParse(Object.fromEntries(form));
  if (!input.success) {
    return { ok: false, error: "Check the highlighted fields.", fieldErrors: z.flattenError(input.error).fieldErrors as Record<string, string[]> };
  }
  const { token, name, password } = input.data;
  const result = await acceptInvitation(db, token, { name, password }, requestMetaFrom(await headers()));
  if (!result.ok) return { ok: false, error: result.message };
  return { ok: true, data: { accountSlug: await slugOf(result.value.accountId), email: result.value.email } };
}

// GET: the account's custom notification emails. POST {email_address}: add one.
import { parseBody } from "@/lib/http/body";
import { jsonResponse } from "@/lib/http/errors";
import { keyRoute, otherVerbs, resultResponse } from "@/lib/http/handler";
import { createCustomEmail, listCustomEmails } from "@/lib/notifications/custom-emails";
import { createCustomEmailSchema } from "@/lib/validation/notifications";

export const GET = keyRoute(async (_request, { db, key }) => jsonResponse(await listCustomEmails(db, key.accountId)));

export const POST = keyRoute(async (request, { db, key }) => {
  const input = await parseBody(request, createCustomEmailSchema);
  return resultResponse(await createCustomEmail(db, key, input.email_address));
});

export const { PUT, PATCH, DELETE } = otherVerbs("GET", "POST");

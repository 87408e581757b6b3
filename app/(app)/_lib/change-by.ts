// Who made a change from the console, for the audit trail: the member, with the request's address and browser.
import { headers } from "next/headers";
import { memberActor, type ChangeBy } from "@/lib/connect/audit";
import { requestMetaFrom } from "@/lib/request-meta";

export async function changeByMember(member: { userId: string; email: string }): Promise<ChangeBy> {
  return { actor: memberActor(member), meta: requestMetaFrom(await headers()) };
}

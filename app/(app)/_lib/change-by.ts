// Who made a change from the console, for the audit trail: the member, with the request's address and browser.
import type { ActionContext } from "@/app/_lib/action";
import { memberActor, type ChangeBy } from "@/lib/connect/audit";

export function changeBy({ caller, meta }: ActionContext<"member">): ChangeBy {
  return { actor: memberActor(caller), meta };
}

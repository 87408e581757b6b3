// Who changes a source or destination through the API: the key, acting for its creator, and the client's address.
import "server-only";
import { keyActor, type ChangeBy } from "../connect/audit";
import { requestMetaFrom } from "../request-meta";
import type { ApiContext } from "./handler";

// The audit actor and request details of an API call.
export async function apiChangeBy(request: Request, ctx: ApiContext): Promise<ChangeBy> {
  return { actor: await keyActor(ctx.db, ctx.key), meta: requestMetaFrom(request.headers) };
}

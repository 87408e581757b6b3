// The key the request is made with, as it may see itself: last 4, description, account, access, expiry, allow-list.
import { describeKey } from "@/lib/api-keys/changes";
import { foundOr404, keyRoute, otherVerbs } from "@/lib/http/handler";

export const GET = keyRoute(async (_request, { db, key }) => foundOr404(await describeKey(db, key.keyId, key.accountId), "The key"));

export const { POST, PUT, PATCH, DELETE } = otherVerbs("GET");

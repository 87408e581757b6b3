// The key's account's audit trail, newest first, 100 events per page (`?page=N`).
import { auditEventsPage, parsePageParam } from "@/lib/audit/api-page";
import { ApiProblem, jsonResponse } from "@/lib/http/errors";
import { keyRoute, otherVerbs } from "@/lib/http/handler";

export const GET = keyRoute(async (request, { db, key }) => {
  const page = parsePageParam(new URL(request.url).searchParams.get("page"));
  if (page === null) throw new ApiProblem(400, "InvalidQuery", "page must be a whole number from 1 to 100000.", { page: "Use a positive whole number." });
  return jsonResponse(await auditEventsPage(db, key.accountId, page));
});

export const { POST, PUT, PATCH, DELETE } = otherVerbs("GET");

// The key's account's audit trail, newest first, 100 events per page (`?page=N`).
import { auditEventsPage } from "@/lib/audit/api-page";
import { otherVerbs, route } from "@/lib/http/handler";
import { listAuditEvents } from "@/lib/http/routes";
import { auditPageJson } from "@/lib/http/wire";
import { ok } from "@/lib/result";

export const GET = route(listAuditEvents, async ({ query }, { db, key }) => ok(auditPageJson(await auditEventsPage(db, key.accountId, query.page ?? 1))));

export const { POST, PUT, PATCH, DELETE } = otherVerbs("GET");

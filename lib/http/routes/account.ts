// Route contracts of the account's audit trail and key, and of the unauthenticated endpoints (health, leak
// reports, this document).
import { z } from "zod";
import { keySelfSchema } from "../../validation/api-key-self";
import { leakAnswerSchema, leakReportDocSchema } from "../../validation/answers";
import { auditEventsPageSchema } from "../../validation/audit";
import { errorSchema } from "../../validation/connect";
import { contract } from "../contract";
import { pageQuery } from "./jobs";

const error = (description: string) => ({ description, content: { "application/json": { schema: errorSchema } } });

export const listAuditEvents = contract({
  method: "GET", path: "/v4/audit-events", auth: "key", summary: "The account's audit trail (key and team changes, failed sign-ins), newest first, 100 per page",
  query: pageQuery, response: auditEventsPageSchema, errors: [400],
});
export const keySelf = contract({
  method: "GET", path: "/v4/keys/self", auth: "key",
  summary: "The key this request is made with: last 4, description, account, access, expiry and allow-list (never the key itself)", response: keySelfSchema,
});
export const health = contract({
  method: "GET", path: "/v4/health", auth: "open", summary: "Health check for load balancers (no key needed)", response: null,
  responses: {
    200: { description: "The app and its database answer", content: { "application/json": { schema: z.object({ status: z.literal("ok") }) } } },
    503: { description: "The database does not answer", content: { "application/json": { schema: z.object({ status: z.literal("unavailable") }) } } },
  },
});
export const keyLeaks = contract({
  method: "POST", path: "/v4/key-leaks", auth: "open",
  summary:
    "A secret scanner's leak report (GitHub's secret-scanning partner shape), signed by the scanner instead of a key: Github-Public-Key-Identifier and Github-Public-Key-Signature (base64 DER ECDSA P-256/SHA-256 of the raw body) against KEY_LEAK_PUBLIC_KEYS. Every reported Bobbin key is disabled at once and audited (key.leaked). 60 reports a minute per address",
  body: { schema: leakReportDocSchema, read: "raw" }, response: null,
  responses: {
    200: { description: "One answer per reported token, in order", content: { "application/json": { schema: leakAnswerSchema } } },
    400: error("Not a JSON array of {token, type, url, source}, or over 1 MiB"),
    401: error("Unsigned: a signature header is missing"),
    403: error("The signature does not verify with a configured public key (or none is configured)"),
    429: error("Too many reports from this address; see Retry-After"),
  },
});
export const openApi = contract({
  method: "GET", path: "/v4/openapi.json", auth: "open", summary: "This OpenAPI 3.1 document (no key needed)", response: null,
  responses: { 200: { description: "The document", content: { "application/json": { schema: { type: "object" } } } } },
});

// The contracts of the routes without a key: health, leak reports, the signed log link and this document.
import { z } from "zod";
import { ref, type Contract } from "./contract";

const error = (description: string) => ({ description, content: { "application/json": { schema: ref("Error") } } });
const leak = { type: "object", properties: { token: { type: "string" }, type: { type: "string" }, url: { type: "string" }, source: { type: "string" } }, required: ["token"] };
const label = { type: "object", properties: { token_raw: { type: "string" }, token_type: { type: "string" }, label: { enum: ["true_positive", "false_positive"] } }, required: ["token_raw", "token_type", "label"] };

export const META_ROUTES: Contract[] = [
  {
    method: "get",
    path: "/v4/health",
    summary: "Health check for load balancers (no key needed)",
    open: { responses: { 200: { description: "The app and its database answer" }, 503: { description: "The database does not answer" } } },
  },
  {
    method: "post",
    path: "/v4/key-leaks",
    summary:
      "A secret scanner's leak report (GitHub's secret-scanning partner shape), signed by the scanner instead of a key: Github-Public-Key-Identifier and Github-Public-Key-Signature (base64 DER ECDSA P-256/SHA-256 of the raw body) against KEY_LEAK_PUBLIC_KEYS. Every reported Bobbin key is disabled at once and audited (key.leaked). 60 reports a minute per address",
    open: {
      requestBody: { required: true, content: { "application/json": { schema: { type: "array", items: leak } } } },
      responses: {
        200: { description: "One answer per reported token, in order", content: { "application/json": { schema: { type: "array", items: label } } } },
        400: error("Not a JSON array of {token, type, url, source}, or over 1 MiB"),
        401: error("Unsigned: a signature header is missing"),
        403: error("The signature does not verify with a configured public key (or none is configured)"),
        429: error("Too many reports from this address; see Retry-After"),
      },
    },
  },
  {
    method: "get",
    path: "/v4/job-logs/{token}",
    params: z.object({ token: z.string() }),
    summary: "The target of the signed URL an extraction's log answers with: the job's log as text/plain while the link holds (5 min)",
    open: {
      responses: {
        200: { description: "The job's log", content: { "text/plain": { schema: { type: "string" } } } },
        403: error("The link's signature does not hold or it has expired (type Unauthorized)"),
        404: error("The job no longer exists"),
      },
    },
  },
  {
    method: "get",
    path: "/v4/openapi.json",
    summary: "This OpenAPI 3.1 document (no key needed)",
    open: { responses: { 200: { description: "The document", content: { "application/json": { schema: { type: "object" } } } } } },
  },
];

// One POST of a hook's body, connecting only to addresses the host rules allow (checked after DNS
// resolution, so a name that resolves to an internal address is refused too). Redirects are not followed.
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { deliverableAddress, hookUrlProblem, type HostEnv } from "./hook-url-rules";

export type HookAnswer = { status: number };

const MAX_ANSWER_BYTES = 64 * 1024;

// dns.lookup, refusing names that resolve to an address the rules refuse (exported for its test).
export const guardedLookup: LookupFunction = lookupFor(process.env);

function lookupFor(env: HostEnv): LookupFunction {
  return (hostname, options, callback) => dnsLookup(hostname, options, (error, address: string | LookupAddress[], family?: number) => {
    if (error) return callback(error, address as string, family);
    const all = Array.isArray(address) ? address.map((a) => a.address) : [address];
    if (all.some((a) => !deliverableAddress(a, env))) {
      return callback(Object.assign(new Error("The hook's host resolves to an internal address."), { code: "EHOOKADDRESS" }), address as string, family);
    }
    callback(null, address as string, family);
  });
}

// POST body to url; resolves with the status (the answer's body is read and dropped), rejects on a network
// error, a refused address or the timeout.
export function postHook(url: string, body: string, headers: Record<string, string>, timeoutMs: number, env: HostEnv = process.env): Promise<HookAnswer> {
  const problem = hookUrlProblem(url, env);
  if (problem) return Promise.reject(new Error(problem));
  const target = new URL(url);
  const client = target.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(
      target,
      {
        method: "POST",
        headers: { ...headers, "Content-Type": "application/json", "Content-Length": String(Buffer.byteLength(body)) },
        lookup: lookupFor(env),
        // A fresh connection per attempt: no pooled socket to an address resolved earlier.
        agent: false,
      },
      (response) => {
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_ANSWER_BYTES) response.destroy();
        });
        response.on("close", () => resolve({ status: response.statusCode ?? 0 }));
        response.on("error", () => resolve({ status: response.statusCode ?? 0 }));
      },
    );
    const timer = setTimeout(() => request.destroy(new Error(`No answer within ${timeoutMs} ms.`)), timeoutMs);
    request.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    request.on("close", () => clearTimeout(timer));
    request.end(body);
  });
}

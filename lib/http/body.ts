// Request bodies: JSON only, capped in size, validated by the same zod schema the docs are made from.
// Every bad body is a 400 (the original documents only 400 for invalid requests); the type word says which.
import type { z } from "zod";
import { ApiProblem, type FieldErrors } from "./errors";

export const MAX_BODY_BYTES = 64 * 1024;

// Read the body as JSON under the cap; every way it can be wrong is a 4xx ApiProblem.
export async function readJson(request: Request): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new ApiProblem(400, "UnsupportedMediaType", 'Send the body as JSON with "Content-Type: application/json".');
  }
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  const text = await readCapped(request);
  if (text.trim() === "") throw new ApiProblem(400, "InvalidBody", "The request body is empty; send a JSON object.");
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiProblem(400, "InvalidBody", "The request body is not valid JSON.");
  }
}

// Parse a body with a schema; the messages name each bad field by its path.
export async function parseBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.output<S>> {
  const parsed = schema.safeParse(await readJson(request));
  if (parsed.success) return parsed.data;
  throw new ApiProblem(400, "InvalidBody", "The request body is invalid; see fields.", fieldErrors(parsed.error));
}

export function fieldErrors(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.length ? issue.path.join(".") : "body";
    const message = issue.code === "unrecognized_keys" ? `Unknown field(s): ${issue.keys.join(", ")}.` : issue.message;
    const at = issue.code === "unrecognized_keys" && issue.path.length === 0 ? "body" : path;
    fields[at] ??= message;
  }
  return fields;
}

async function readCapped(request: Request): Promise<string> {
  const bytes = await readBytesCapped(request, MAX_BODY_BYTES);
  if (!bytes) throw tooLarge();
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ApiProblem(400, "InvalidBody", "The request body is not valid UTF-8.");
  }
}

// The raw bytes of a body, read as they come, or null as soon as they pass `max` (the rest is never read).
export async function readBytesCapped(request: Request, max: number): Promise<Uint8Array | null> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

function tooLarge() {
  return new ApiProblem(400, "PayloadTooLarge", `The request body is larger than ${MAX_BODY_BYTES / 1024} KiB.`);
}
